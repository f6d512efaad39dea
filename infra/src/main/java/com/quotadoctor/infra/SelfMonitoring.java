package com.quotadoctor.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

import java.util.Map;

/**
 * Quota Doctor watching itself: an alarm, with the findings topic as its action, on each way a diagnosis can be
 * lost — the workflow's failed, timed-out or aborted executions, each function's errors, a message in the
 * dead-letter queue. Quiet on a healthy run (missing data is not breaching). Their names do not start with
 * {@link Names#ALARM_PREFIX}: they must not start a diagnosis themselves.
 */
final class SelfMonitoring extends Construct {

    private final Names names;

    SelfMonitoring(Construct scope, String id, StateMachine workflow, java.util.Optional<StateMachine> sweep,
                   Map<String, Function> functions, Queue deadLetters, ITopic topic, Names names) {
        super(scope, id);
        this.names = names;
        SnsAction notify = new SnsAction(topic);
        MetricOptions fiveMinutes = MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build();
        alarm("ExecutionsFailed", "workflow-failed", "A diagnosis workflow execution failed: its finding was not sent",
                workflow.metricFailed(fiveMinutes), notify);
        alarm("ExecutionsTimedOut", "workflow-timed-out", "A diagnosis workflow execution timed out",
                workflow.metricTimedOut(fiveMinutes), notify);
        alarm("ExecutionsAborted", "workflow-aborted", "A diagnosis workflow execution was aborted",
                workflow.metricAborted(fiveMinutes), notify);
        sweep.ifPresent(machine -> {
            alarm("SweepsFailed", "sweep-failed", "An organisation sweep failed: its digest was not sent",
                    machine.metricFailed(fiveMinutes), notify);
            alarm("SweepsTimedOut", "sweep-timed-out", "An organisation sweep timed out", machine.metricTimedOut(fiveMinutes),
                    notify);
            alarm("SweepsAborted", "sweep-aborted", "An organisation sweep was aborted", machine.metricAborted(fiveMinutes),
                    notify);
        });
        functions.forEach((name, function) -> alarm(name + "Errors", name.toLowerCase(java.util.Locale.ROOT) + "-errors",
                "The " + name + " function failed an invocation", function.metricErrors(fiveMinutes), notify));
        alarm("DeadLetters", "dead-letters", "An event or invocation Quota Doctor could not deliver is in the "
                        + "dead-letter queue " + "(redrive it once the cause is fixed)",
                deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Maximum").build()), notify);
    }

    private void alarm(String id, String name, String description, IMetric metric, SnsAction action) {
        OnceAlarm.create(this, id, names.healthAlarm(name), description, metric).addAlarmAction(action);
    }
}
