package com.quotadoctor.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.Wait;
import software.amazon.awscdk.services.stepfunctions.WaitTime;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The loop: Diagnose → (waiting helps and the deadline is ahead) Wait nextCheckSeconds → Diagnose again, its
 * own output as input; otherwise Notify. Lambda service errors and throttles are retried with backoff; a
 * diagnosis that still fails is announced as a failure. Standard type: waits may last hours.
 */
final class DiagnosisWorkflow extends Construct {

    /** Transient Lambda-side errors, worth retrying. */
    static final List<String> TRANSIENT = List.of("Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.TooManyRequestsException");

    private final StateMachine stateMachine;

    /** The guided fix's parts: the filing function, and how long a person has to answer. */
    record GuidedFix(IFunction fix, int approvalHours) {
    }

    DiagnosisWorkflow(Construct scope, String id, IFunction diagnose, IFunction notify, java.util.Optional<GuidedFix> guided) {
        super(scope, id);
        LambdaInvoke diagnoseTask = LambdaInvoke.Builder.create(this, "Diagnose")
                .comment("Collect the evidence and diagnose; the output is the diagnosis JSON with its notification")
                .lambdaFunction(diagnose).payloadResponseOnly(true).retryOnServiceExceptions(false).build();
        diagnoseTask.addRetry(transientRetry(4));

        LambdaInvoke notifyTask = LambdaInvoke.Builder.create(this, "Notify")
                .comment("Announce once per fingerprint; a failed publish fails the task, so it is retried")
                .lambdaFunction(notify).payloadResponseOnly(true).retryOnServiceExceptions(false)
                // the diagnosis stays the state: the guided fix reads its filings after the announcement
                .resultPath(software.amazon.awscdk.services.stepfunctions.JsonPath.DISCARD).build();
        notifyTask.addRetry(transientRetry(4));
        notifyTask.addRetry(taskFailedRetry(3));
        Fail notifyFailed = Fail.Builder.create(this, "NotificationFailed").error("NotificationFailed")
                .cause("The notification could not be published after retries; the diagnosis is in the Notify log").build();
        notifyTask.addCatch(notifyFailed);

        LambdaInvoke notifyFailure = LambdaInvoke.Builder.create(this, "NotifyFailure")
                .comment("Say that the diagnosis failed, once per error and event")
                .lambdaFunction(notify).payloadResponseOnly(true).retryOnServiceExceptions(false).build();
        notifyFailure.addRetry(transientRetry(4));
        Fail diagnosisFailed = Fail.Builder.create(this, "DiagnosisFailed").error("DiagnosisFailed")
                .cause("The diagnosis failed after retries; see $.failure in the execution history").build();
        notifyFailure.addCatch(diagnosisFailed);
        diagnoseTask.addCatch(stamp("StampFailureDelivery").next(notifyFailure).next(diagnosisFailed),
                CatchProps.builder().errors(List.of("States.ALL")).resultPath("$.failure").build());

        Wait wait = Wait.Builder.create(this, "WaitForPropagation")
                .comment("Back off: nextCheckSeconds doubles per attempt, capped, never past the deadline")
                .time(WaitTime.secondsPath("$.nextCheckSeconds")).build();
        Choice route = Choice.Builder.create(this, "WaitOrNotify").build()
                .when(Condition.isPresent("$.skipped"), Succeed.Builder.create(this, "NotAboutBedrockQuotas").build())
                .when(Condition.isPresent("$.error"), Fail.Builder.create(this, "EventRejected").error("EventRejected")
                        .causePath("$.error").build())
                .when(Condition.and(Condition.isPresent("$.nextCheckSeconds"),
                        Condition.or(Condition.isNotPresent("$.deadline"),
                                Condition.timestampGreaterThanJsonPath("$.deadline", "$$.State.EnteredTime"))),
                        wait.next(diagnoseTask))
                .otherwise(stamp("StampDelivery").next(notifyTask).next(guided.map(g -> guidedFix(g, notify, diagnoseTask))
                        .orElseGet(() -> Succeed.Builder.create(this, "Done").build())));

        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .comment("Quota Doctor: diagnose, wait out propagation, notify")
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromChainable(diagnoseTask.next(route)))
                .timeout(Duration.days(15))
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(false).build())
                .build();
        List<String> invoked = new java.util.ArrayList<>(List.of("Resource::<" + functionLogicalId(diagnose) + ".Arn>:*",
                "Resource::<" + functionLogicalId(notify) + ".Arn>:*"));
        guided.ifPresent(g -> invoked.add("Resource::<" + functionLogicalId(g.fix()) + ".Arn>:*"));
        Suppressions.suppress(stateMachine, "AwsSolutions-IAM5", "Invoking a Lambda function by ARN:* covers its "
                + "versions and aliases; the grant names the Diagnose and Notify functions (and Fix, with guidedFix) only",
                invoked.toArray(String[]::new));
        Suppressions.suppress(stateMachine, "AwsSolutions-IAM5", "X-Ray tracing and CloudWatch Logs delivery "
                + "(logs:CreateLogDelivery and friends) support no resource-level permissions", "Resource::*");
    }

    /**
     * With {@code guidedFix=true}, after the announcement: a plan that files increases waits for a person (a task token
     * Notify puts in an approval message; SendTaskSuccess approves, SendTaskFailure "Rejected" rejects, the wait lapses
     * after {@code approvalHours}); on approval the Fix function files and the loop diagnoses the new request; a
     * rejection, a lapse or nothing left to file is said once and ends the run.
     */
    private software.amazon.awscdk.services.stepfunctions.IChainable guidedFix(GuidedFix g, IFunction notify,
                                                                                LambdaInvoke diagnoseTask) {
        software.amazon.awscdk.services.stepfunctions.Succeed done = Succeed.Builder.create(this, "Done").build();
        Map<String, Object> question = Map.of("taskToken", software.amazon.awscdk.services.stepfunctions.JsonPath.getTaskToken(),
                "execution.$", "$$.Execution.Id", "filings.$", "$.filings", "justification.$", "$.justification",
                "hours", g.approvalHours());
        LambdaInvoke awaitApproval = LambdaInvoke.Builder.create(this, "AwaitApproval")
                .comment("Ask a person; the execution waits for SendTaskSuccess or SendTaskFailure on this token")
                .lambdaFunction(notify).retryOnServiceExceptions(false)
                .integrationPattern(software.amazon.awscdk.services.stepfunctions.IntegrationPattern.WAIT_FOR_TASK_TOKEN)
                .payload(software.amazon.awscdk.services.stepfunctions.TaskInput.fromObject(Map.of("approval", question,
                        "delivery", Map.of("execution.$", "$$.Execution.Id"))))
                .taskTimeout(software.amazon.awscdk.services.stepfunctions.Timeout.duration(Duration.hours(g.approvalHours())))
                .resultPath("$.approved").build();
        awaitApproval.addRetry(transientRetry(4));
        awaitApproval.addCatch(outcome("Rejected", "was rejected", notify).next(Succeed.Builder.create(this, "NotFiledRejected")
                .build()), CatchProps.builder().errors(List.of("Rejected")).resultPath("$.answer").build());
        awaitApproval.addCatch(outcome("Lapsed", "lapsed without an answer", notify).next(Succeed.Builder.create(this,
                "NotFiledLapsed").build()), CatchProps.builder().errors(List.of("States.Timeout")).resultPath("$.answer").build());

        LambdaInvoke file = LambdaInvoke.Builder.create(this, "FileIncreases")
                .comment("Read each quota again and file it within the rails; the only task that may file")
                .lambdaFunction(g.fix()).payloadResponseOnly(true).retryOnServiceExceptions(false)
                .payload(software.amazon.awscdk.services.stepfunctions.TaskInput.fromObject(Map.of(
                        "filings.$", "$.filings", "justification.$", "$.justification", "request.$", "$.request",
                        "attempt.$", "$.attempt")))
                .resultPath("$.fixed").build();
        file.addRetry(transientRetry(4));
        // the function failed after retries: whatever it filed is in Service Quotas; say so, never silently
        file.addCatch(outcome("FilingFailed", "failed while filing (check the quota's request history)", notify)
                .next(Fail.Builder.create(this, "FilingFailedAfterRetries").error("FilingFailed")
                        .cause("The Fix function failed after retries; see $.fixFailure").build()),
                CatchProps.builder().errors(List.of("States.ALL")).resultPath("$.fixFailure").build());
        Pass followNewRequest = Pass.Builder.create(this, "FollowNewRequest")
                .comment("Diagnose again, now following the request just filed: the usual propagation loop")
                .inputPath("$.fixed.follow").build();
        Choice filed = Choice.Builder.create(this, "Filed").build()
                .when(Condition.isPresent("$.fixed.follow"), followNewRequest.next(diagnoseTask))
                .otherwise(outcome("NothingFiled", "found nothing to file", notify, true).next(
                        Succeed.Builder.create(this, "NothingToFile").build()));
        // only a run's first diagnosis asks: the loop that follows a filing (a later attempt) never asks again
        return Choice.Builder.create(this, "PlanFilesAnIncrease").build()
                .when(Condition.and(Condition.isPresent("$.filings[0]"), Condition.numberEquals("$.attempt", 1)),
                        awaitApproval.next(file).next(filed))
                .otherwise(done);
    }

    /** Says once what became of an approval question. */
    private LambdaInvoke outcome(String id, String words, IFunction notify) {
        return outcome(id, words, notify, false);
    }

    /** @param withReasons pass the Fix function's refusals and "nothing" reasons (present after FileIncreases only) */
    private LambdaInvoke outcome(String id, String words, IFunction notify, boolean withReasons) {
        Map<String, Object> approval = new java.util.LinkedHashMap<>(Map.of("outcome", words,
                "execution.$", "$$.Execution.Id", "filings.$", "$.filings"));
        if (withReasons) {
            approval.put("refused.$", "$.fixed.refused");
            approval.put("nothing.$", "$.fixed.nothing");
        }
        LambdaInvoke say = LambdaInvoke.Builder.create(this, "Notify" + id)
                .comment("Say what became of the approval: " + words)
                .lambdaFunction(notify).payloadResponseOnly(true).retryOnServiceExceptions(false)
                .payload(software.amazon.awscdk.services.stepfunctions.TaskInput.fromObject(Map.of("approval",
                        approval, "delivery", Map.of("execution.$", "$$.Execution.Id"))))
                .resultPath(software.amazon.awscdk.services.stepfunctions.JsonPath.DISCARD).build();
        say.addRetry(transientRetry(4));
        return say;
    }

    /** The function behind an alias or a function: CDK grants invoke on its ARN and ARN:* (versions, aliases). */
    private String functionLogicalId(IFunction f) {
        IFunction target = f instanceof software.amazon.awscdk.services.lambda.Alias a ? a.getVersion().getLambda() : f;
        return Stack.of(this).getLogicalId((CfnElement) target.getNode().getDefaultChild());
    }

    /**
     * Adds {@code delivery.execution} (this execution's id) to the state: Notify's owner token, the same for every
     * retry of the task, different for every other execution of the same situation.
     */
    private Pass stamp(String id) {
        return stamp(this, id, "$.delivery");
    }

    /** The delivery stamp at {@code resultPath}: shared with the organisation sweep's Notify tasks. */
    static Pass stamp(Construct scope, String id, String resultPath) {
        return Pass.Builder.create(scope, id).comment("Name this delivery for Notify's claim")
                .parameters(Map.of("execution.$", "$$.Execution.Id")).resultPath(resultPath).build();
    }

    /** Lambda's own transient errors: 5 s, doubling. */
    static RetryProps transientRetry(int attempts) {
        return RetryProps.builder().errors(TRANSIENT).interval(Duration.seconds(5)).backoffRate(2)
                .maxAttempts(attempts).build();
    }

    /**
     * A task that failed (its function threw): 10 s, doubling. For Notify, three attempts outlive another delivery's
     * 60 s lease ({@code NotificationBusyException}).
     */
    static RetryProps taskFailedRetry(int attempts) {
        return RetryProps.builder().errors(List.of("States.TaskFailed")).interval(Duration.seconds(10))
                .backoffRate(2).maxAttempts(attempts).build();
    }

    StateMachine stateMachine() {
        return stateMachine;
    }
}
