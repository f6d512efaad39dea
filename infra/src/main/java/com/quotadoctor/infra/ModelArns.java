package com.quotadoctor.infra;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code bedrock:InvokeModel} must name for the probe to call exactly the configured models: a bare id is
 * a foundation model in each workload region; a profile id ({@code us.}, {@code global.}, …) is the profile in
 * each workload region plus its foundation model in any region it routes to.
 */
final class ModelArns {

    /** System inference profile prefixes, as the function's {@code ModelId} knows them (held together by a test). */
    static final java.util.Set<String> PROFILE_PREFIXES = java.util.Set.of("us", "eu", "apac", "jp", "au", "ca", "us-gov",
            "global");

    private ModelArns() {
    }

    static List<String> of(DeploymentConfig config, Stack stack) {
        Set<String> arns = new LinkedHashSet<>();
        for (String model : config.models()) {
            if (model.startsWith("arn:")) {
                // an ARN names its one resource; a system profile's also routes to its foundation model anywhere. An
                // application profile's models are known only at run time: the probe through it may be refused.
                arns.add(model);
                String resource = model.split(":", 6)[5];
                if (resource.startsWith("inference-profile/")) {
                    String id = resource.substring(resource.indexOf('/') + 1);
                    arns.add("arn:" + Aws.PARTITION + ":bedrock:*::foundation-model/" + id.substring(id.indexOf('.') + 1));
                }
                continue;
            }
            String[] parts = model.split("\\.", 2);
            boolean profile = parts.length == 2 && PROFILE_PREFIXES.contains(parts[0]);
            String foundation = profile ? parts[1] : model;
            for (String region : config.workloadRegions()) {
                if (profile) {
                    arns.add("arn:" + Aws.PARTITION + ":bedrock:" + region + ":" + Aws.ACCOUNT_ID + ":inference-profile/" + model);
                } else {
                    arns.add("arn:" + Aws.PARTITION + ":bedrock:" + region + "::foundation-model/" + model);
                }
            }
            if (profile) {
                arns.add("arn:" + Aws.PARTITION + ":bedrock:*::foundation-model/" + foundation);
            }
        }
        return new ArrayList<>(arns);
    }
}
