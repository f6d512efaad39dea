package com.quotadoctor.cli;

import com.quotadoctor.domain.AccountId;
import com.quotadoctor.domain.BadInputException;
import com.quotadoctor.domain.AwsRegion;
import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.ErrorSignal;
import com.quotadoctor.domain.ModelId;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The failing context, as flags: shared by {@code diagnose} and {@code capture}. */
final class RequestOptions {

    @Option(names = "--model", paramLabel = "ID",
            description = "Model id, inference profile id or ARN the failing calls use (repeatable).")
    List<String> models = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION", description = "Region the failing calls run in (repeatable).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--account", paramLabel = "ID", description = "Account that makes the failing calls.")
    String account;

    @Option(names = "--request-id", paramLabel = "ID", description = "Increase request to follow.")
    String requestId;

    @Option(names = "--quota-code", paramLabel = "CODE", description = "Quota to focus on, e.g. L-F4DDD3EB.")
    String quotaCode;

    @Option(names = "--error-message", paramLabel = "TEXT",
            description = "The error message the calls get, e.g. \"Too many tokens, please wait before trying again.\"")
    String errorMessage;

    /** The flags over {@code base}: each flag given overrides (or supplies) what the base says. */
    DiagnosisRequest over(DiagnosisRequest base) {
        List<ModelId> modelIds = models.isEmpty() ? List.of()
                : models.stream().map(m -> {
                    try {
                        return ModelId.parse(m);
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException("--model: " + e.getMessage(), e);
                    }
                }).toList();
        List<String> regionNames = regions.isEmpty() ? List.of()
                : regions.stream().map(r -> {
                    try {
                        return AwsRegion.require(r);
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException("--region: " + e.getMessage(), e);
                    }
                }).toList();
        if (account != null && !AccountId.isValid(account)) {
            throw new BadInputException("--account: expected a 12-digit account id, got '" + account + "'");
        }
        DiagnosisRequest flags = DiagnosisRequest.empty().inAccount(Optional.ofNullable(account)).inRegions(regionNames)
                .forModels(modelIds).following(Optional.ofNullable(requestId), Optional.ofNullable(quotaCode))
                .failingWith(new ErrorSignal(Optional.empty(), Optional.ofNullable(errorMessage)));
        return flags.over(base);
    }
}
