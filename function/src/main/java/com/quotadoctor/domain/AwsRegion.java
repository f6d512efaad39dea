package com.quotadoctor.domain;

import java.util.Set;

/** Region names this tool accepts: the AWS partitions' regions, so a typo fails fast instead of timing out. */
public final class AwsRegion {

    private static final Set<String> KNOWN = Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "us-gov-east-1", "us-gov-west-1",
            "ca-central-1", "ca-west-1", "mx-central-1", "sa-east-1",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
            "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "af-south-1",
            "ap-south-1", "ap-south-2", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2",
            "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "cn-north-1", "cn-northwest-1");

    private AwsRegion() {
    }

    /** @throws IllegalArgumentException when the name is not a known AWS region */
    public static String require(String name) {
        if (name == null || !KNOWN.contains(name.trim())) {
            throw new BadInputException("unknown region '" + name + "' (expected a region name such as us-west-2)");
        }
        return name.trim();
    }

    public static boolean isKnown(String name) {
        return name != null && KNOWN.contains(name.trim());
    }
}
