package com.quotadoctor.diagnosis;

import com.quotadoctor.domain.DiagnosisRequest;
import com.quotadoctor.domain.Evidence;
import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.EvidenceSection;
import com.quotadoctor.domain.ModelId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rules judge: the request, the evidence, the instant, and what follows from them once —
 * the failing contexts (workloads) and every relevant increase request set against them.
 */
public final class Situation {

    private final DiagnosisRequest request;
    private final Evidence evidence;
    private final Settings settings;
    private final List<Workload> workloads;
    private final List<Assessment> assessments;
    private final List<Assessment> onTarget;
    private final List<EvidenceGap> gaps;
    private final Catalogues catalogues;

    private Situation(DiagnosisRequest request, Evidence evidence, Settings settings) {
        this.request = request;
        this.evidence = evidence;
        this.settings = settings;
        this.catalogues = new Catalogues(evidence);
        this.workloads = new FailingContexts(request, evidence, settings, catalogues).find();
        this.assessments = new RequestMatching(request, evidence, catalogues).assess(workloads);
        this.onTarget = assessments.stream().filter(Assessment::onTarget).toList();
        this.gaps = findGaps();
    }

    public static Situation of(DiagnosisRequest request, Evidence evidence, Settings settings) {
        return new Situation(request, evidence, settings);
    }

    public DiagnosisRequest request() {
        return request;
    }

    public Evidence evidence() {
        return evidence;
    }

    public Settings settings() {
        return settings;
    }

    /** Every age is judged against the capture time, so a replayed snapshot gives the same answer. */
    public Instant now() {
        return evidence.capturedAt();
    }

    /** The quotas of {@code region} as they apply to calls of {@code account}, built once per diagnosis. */
    List<com.quotadoctor.domain.Quota> catalogue(String region, java.util.Optional<String> account) {
        return catalogues.of(region, account);
    }

    public List<Workload> workloads() {
        return workloads;
    }

    public List<Assessment> assessments() {
        return assessments;
    }

    public List<Assessment> onTarget() {
        return onTarget;
    }

    /** Whether every region's request history was read, so "no request" is a fact rather than a blind spot. */
    public boolean requestHistoryComplete() {
        return !evidence.regions().isEmpty()
                && evidence.regions().values().stream().allMatch(r -> r.has(EvidenceSection.REQUESTED_CHANGES)
                && r.errors().stream().noneMatch(e -> EvidenceSection.REQUESTED_CHANGES.operation().is(e.source())));
    }

    /**
     * Every gap: what the evidence says it could not read, plus what the request asks about that the
     * evidence does not cover (a region never read, a model id that names no model, a request id not found).
     */
    public List<EvidenceGap> gaps() {
        return gaps;
    }

    private List<EvidenceGap> findGaps() {
        List<EvidenceGap> gaps = new ArrayList<>(evidence.allGaps());
        // nothing was read for a reason already given (credentials refused): that reason is the one gap
        boolean nothingRead = evidence.regions().isEmpty() && !evidence.gaps().isEmpty();
        for (String region : request.regions()) {
            if (evidence.region(region).isEmpty() && !nothingRead) {
                gaps.add(EvidenceGap.in(region, "regions", EvidenceGap.NOT_COLLECTED,
                        "the failing calls are said to run in " + region + " but the evidence holds nothing for it"));
            }
        }
        for (ModelId model : request.models()) {
            boolean resolved = model.isApplicationProfile()
                    && evidence.inferenceProfile(model.raw()).flatMap(p -> p.copies()).isPresent();
            if (model.name().isEmpty() && !resolved) {
                gaps.add(EvidenceGap.where(model.region(), EvidenceSection.INFERENCE_PROFILES.operation().wireName(),
                        EvidenceGap.UNRESOLVED_MODEL, model.raw() + " names no foundation model and no inferenceProfiles entry"
                        + " describes it; its quotas cannot be matched until it is resolved (aws bedrock"
                        + " get-inference-profile --inference-profile-identifier " + model.raw()
                        + model.region().map(r -> " --region " + r).orElse("") + ")"));
            }
        }
        for (Workload w : workloads) {
            if (w.model().isApplicationProfile() && request.models().stream().noneMatch(m -> m.raw().equals(w.model().raw()))) {
                gaps.add(EvidenceGap.in(w.region(), EvidenceSection.INFERENCE_PROFILES.operation().wireName(),
                        EvidenceGap.UNRESOLVED_MODEL, "the failing calls use the application inference profile "
                                + w.model().raw() + ", which could not be read: its model and inference family are "
                                + "unknown, so no request is judged against these calls. It needs bedrock:GetInferenceProfile "
                                + "on it (aws bedrock get-inference-profile --inference-profile-identifier "
                                + w.model().raw() + " --region " + w.region() + ")", w.account()));
            }
            for (List<com.quotadoctor.domain.Quota> tie : w.ties()) {
                gaps.add(EvidenceGap.in(w.region(), EvidenceSection.SERVICE_QUOTAS.snapshotField(), "AmbiguousQuota",
                        w.model().raw() + " fits " + tie.stream().map(q -> q.code() + " \"" + q.name() + "\"").toList()
                                + " equally well; none is taken as governing", w.account()));
            }
        }
        // a decided request whose quota value was not read: no rule can judge it, so the diagnosis says what is missing
        for (Assessment a : assessments) {
            if (RequestState.of(a, this) == RequestState.UNJUDGEABLE) {
                com.quotadoctor.domain.IncreaseRequest r = a.request();
                gaps.add(EvidenceGap.in(r.region(), EvidenceSection.SERVICE_QUOTAS.snapshotField(),
                        EvidenceGap.UNJUDGEABLE_REQUEST, "request " + r.id() + " for " + r.quotaCode() + " is "
                        + r.rawStatus() + ", but the quota's " + (a.appliedValue().isEmpty() ? "applied value" : "AWS default")
                        + " was not read in " + r.region() + ": whether the request applied cannot be judged", r.account()));
            }
        }
        request.requestId().ifPresent(id -> {
            if (evidence.requests().noneMatch(r -> r.isNamedBy(id))) {
                gaps.add(EvidenceGap.accountWide(EvidenceSection.REQUESTED_CHANGES.snapshotField(), "RequestNotFound",
                        "increase request " + id + " is in no region's request history"));
            }
        });
        return EvidenceGap.merged(gaps);
    }
}
