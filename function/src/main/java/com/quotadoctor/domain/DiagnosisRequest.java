package com.quotadoctor.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What failed or changed, normalised from any trigger, plus the state of the waiting loop.
 *
 * @param regions   the regions the failing calls are said to run in (may be empty: then CloudTrail decides)
 * @param models    the model ids invoked (may be empty: then CloudTrail and metrics decide)
 * @param requestId an increase request to follow, if the trigger named one
 * @param quotaCode a quota the trigger named
 * @param attempt   1 for the first look, incremented by each wait-and-recheck
 * @param deadline  when the loop stops waiting, if one was set
 * @param lowered   the applied value the request watcher saw fall, when that started the diagnosis
 */
public record DiagnosisRequest(Optional<String> account, List<String> regions, List<ModelId> models,
                               Optional<String> requestId, Optional<String> quotaCode, ErrorSignal error,
                               int attempt, Optional<Instant> deadline, Optional<LoweredQuota> lowered) {

    public DiagnosisRequest(Optional<String> account, List<String> regions, List<ModelId> models,
                            Optional<String> requestId, Optional<String> quotaCode, ErrorSignal error, int attempt,
                            Optional<Instant> deadline) {
        this(account, regions, models, requestId, quotaCode, error, attempt, deadline, Optional.empty());
    }

    /** The lowering the watcher saw of {@code q}, as the account {@code of} has it (either unknown matches). */
    public Optional<LoweredQuota> lowered(Quota q, Optional<String> of) {
        return lowered.filter(l -> l.quotaCode().equalsIgnoreCase(q.code()) && l.region().equals(q.region())
                && (l.account().isEmpty() || of.isEmpty() || l.account().equals(of)));
    }

    /**
     * The most model ids one diagnosis names: far beyond a workload's (one model, a few profiles), and at AWS's 2,048
     * characters each it keeps the request, carried whole in every output, well inside 256 KiB.
     */
    public static final int MOST_MODELS = 20;
    /** Every commercial region and more. */
    public static final int MOST_REGIONS = 40;

    public DiagnosisRequest {
        regions = List.copyOf(regions);
        models = List.copyOf(models);
        if (models.size() > MOST_MODELS) {
            throw new BadInputException("at most " + MOST_MODELS + " model ids per diagnosis, got " + models.size());
        }
        if (regions.size() > MOST_REGIONS) {
            throw new BadInputException("at most " + MOST_REGIONS + " regions per diagnosis, got " + regions.size());
        }
        if (attempt < 1) {
            throw new BadInputException("attempt must be 1 or more, was " + attempt);
        }
    }

    /**
     * This request completed by {@code base}: every field this one names wins, the rest come from the base
     * (a trigger over the configured workload, flags over a snapshot's request), the error's code and message each
     * on its own. The later attempt counts. The one merge of two requests.
     */
    public DiagnosisRequest over(DiagnosisRequest base) {
        ErrorSignal merged = new ErrorSignal(error.code().or(base.error::code), error.message().or(base.error::message));
        return new DiagnosisRequest(account.or(base::account), regions.isEmpty() ? base.regions : regions,
                models.isEmpty() ? base.models : models, requestId.or(base::requestId), quotaCode.or(base::quotaCode),
                merged, Math.max(attempt, base.attempt), deadline.or(base::deadline),
                lowered.or(base::lowered));
    }

    /** The same request, looked at once more (the workflow's wait-and-recheck loop). */
    public DiagnosisRequest nextAttempt() {
        return new DiagnosisRequest(account, regions, models, requestId, quotaCode, error, attempt + 1, deadline, lowered);
    }

    /** The same request, its account left open (to be filled in by whoever reads it). */
    public DiagnosisRequest inAnyAccount() {
        return inAccount(Optional.empty());
    }

    /** Nothing named but the account the calls run in. */
    public static DiagnosisRequest forAccount(String account) {
        return empty().inAccount(Optional.of(account));
    }

    public DiagnosisRequest inAccount(Optional<String> calling) {
        return new DiagnosisRequest(calling, regions, models, requestId, quotaCode, error, attempt, deadline, lowered);
    }

    public DiagnosisRequest inRegions(List<String> failingIn) {
        return new DiagnosisRequest(account, failingIn, models, requestId, quotaCode, error, attempt, deadline, lowered);
    }

    public DiagnosisRequest forModels(List<ModelId> invoked) {
        return new DiagnosisRequest(account, regions, invoked, requestId, quotaCode, error, attempt, deadline, lowered);
    }

    /** Following this increase request and, when named, this quota. */
    public DiagnosisRequest following(Optional<String> request, Optional<String> quota) {
        return new DiagnosisRequest(account, regions, models, request, quota, error, attempt, deadline, lowered);
    }

    public DiagnosisRequest failingWith(ErrorSignal signal) {
        return new DiagnosisRequest(account, regions, models, requestId, quotaCode, signal, attempt, deadline, lowered);
    }

    /** Started by the watcher seeing this quota's applied value fall. */
    public DiagnosisRequest afterLowering(LoweredQuota fall) {
        return new DiagnosisRequest(account, regions, models, requestId, quotaCode, error, attempt, deadline,
                Optional.of(fall));
    }

    public static DiagnosisRequest empty() {
        return new DiagnosisRequest(Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                ErrorSignal.NONE, 1, Optional.empty());
    }
}
