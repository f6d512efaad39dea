package com.quotadoctor.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Quota Doctor function: the shaded jar on java21/arm64 (Graviton: cheaper per GB-second, the jar has
 * no native code), its own role with no managed policy (logs only to its own log group), its own log group
 * with a retention, a reserved concurrency so a storm of events cannot starve the account, X-Ray tracing,
 * SnapStart behind a {@code live} alias, and failed asynchronous invocations kept in the dead-letter queue.
 */
final class QuotaDoctorFunction extends Construct {

    private final Function function;
    private final Alias alias;
    private final Role role;

    /**
     * @param reservedConcurrency null for none (the default: see {@code DeploymentConfig#reservedConcurrency})
     * @param roleName            a fixed role name when other accounts must name the role; null to let CDK name it
     */
    record Spec(String handler, String description, int memoryMb, int timeoutSeconds, Integer reservedConcurrency,
                String roleName) {
    }

    QuotaDoctorFunction(Construct scope, String id, Spec spec, Map<String, String> environment, Queue deadLetters) {
        super(scope, id);
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .roleName(spec.roleName())
                .description("Quota Doctor " + id + ": least privilege, no managed policies")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn(), logs.getLogGroupArn() + ":log-stream:*"))
                .build());
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("POWERTOOLS_SERVICE_NAME", "quota-doctor");
        env.put("POWERTOOLS_METRICS_NAMESPACE", "QuotaDoctor");
        // C1 only: the functions run briefly; full JIT warm-up costs more cold start than it saves
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        function = Function.Builder.create(this, "Function")
                .description(spec.description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(spec.handler() + "::handleRequest")
                .code(Code.fromAsset(FunctionJar.path()))
                .memorySize(spec.memoryMb())
                .timeout(Duration.seconds(spec.timeoutSeconds()))
                .reservedConcurrentExecutions(spec.reservedConcurrency())
                .role(role)
                .logGroup(logs)
                .environment(env)
                .tracing(Tracing.ACTIVE)
                // SnapStart: init and the priming hook run once per published version, not per cold start
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        // everything invokes the alias (the SnapStart version), so its asynchronous failures go to the DLQ too
        // SnapStart's warning asks for a published version: the live alias below publishes one per code change
        software.amazon.awscdk.Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the live alias publishes a version of every code change, and everything invokes the alias");
        alias = Alias.Builder.create(this, "Live").aliasName("live").version(function.getCurrentVersion()).build();
        alias.configureAsyncInvoke(EventInvokeConfigOptions.builder().onFailure(new SqsDestination(deadLetters))
                .retryAttempts(2).build());
        Suppressions.suppress(this, "AwsSolutions-L1", "java21 is the runtime this project targets and tests "
                + "(Java 17 bytecode, Powertools 2); a newer Java runtime is adopted deliberately, not by default");
        Suppressions.suppress(role, "AwsSolutions-IAM5", "Log streams get generated names per execution "
                + "environment; the grant is scoped to this function's own log group",
                "Resource::<" + Stack.of(this).getLogicalId((software.amazon.awscdk.CfnElement) logs.getNode()
                        .getDefaultChild()) + ".Arn>:log-stream:*");
        Suppressions.suppress(role, "AwsSolutions-IAM5", Suppressions.READ_ONLY_STAR, "Resource::*");
    }

    Function function() {
        return function;
    }

    /** What triggers and the workflow invoke: the published, snapshotted version. */
    Alias alias() {
        return alias;
    }

    Role role() {
        return role;
    }

    void allow(PolicyStatement statement) {
        role.addToPolicy(statement);
    }
}
