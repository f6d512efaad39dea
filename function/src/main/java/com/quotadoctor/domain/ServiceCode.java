package com.quotadoctor.domain;

import java.util.Optional;

/** Amazon Bedrock as Service Quotas names it: the one service code this tool reads. */
public final class ServiceCode {

    public static final String BEDROCK = "bedrock";

    private ServiceCode() {
    }

    /** Whether a listed quota or request is Bedrock's; one without a service code is taken as Bedrock's (it was asked for). */
    public static boolean isBedrock(Optional<String> serviceCode) {
        return serviceCode.map(BEDROCK::equalsIgnoreCase).orElse(true);
    }
}
