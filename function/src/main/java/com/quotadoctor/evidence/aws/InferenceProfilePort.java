package com.quotadoctor.evidence.aws;

import com.quotadoctor.domain.EvidenceGap;
import com.quotadoctor.domain.InferenceProfile;
import software.amazon.awssdk.services.bedrock.model.GetInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Bedrock's {@code GetInferenceProfile}, for the application inference profiles failing calls use: one call
 * per profile, paced, each failure a gap naming the profile while the others are still read.
 */
final class InferenceProfilePort {

    static final com.quotadoctor.domain.Operation OPERATION = com.quotadoctor.domain.Operation.GET_INFERENCE_PROFILE;

    private final AwsClients clients;

    InferenceProfilePort(AwsClients clients) {
        this.clients = clients;
    }

    Pages.Listing<InferenceProfile> describe(Access access, String region, Collection<String> profileArns) {
        List<InferenceProfile> read = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Optional<EvidenceGap> first = Optional.empty();
        for (String arn : profileArns) {
            try {
                clients.pacer(access, region, OPERATION).take();
                read.add(profile(clients.bedrock(access, region).getInferenceProfile(b -> b.inferenceProfileIdentifier(arn))));
            } catch (RuntimeException e) {
                failed.add(arn);
                first = first.or(() -> Optional.of(AwsFailure.gap(region, OPERATION, access, e)));
            }
        }
        Optional<EvidenceGap> gap = first.map(g -> g.withMessage("cannot describe " + String.join(", ", failed) + ": " + g.message()));
        return new Pages.Listing<>(read, gap);
    }

    private static InferenceProfile profile(GetInferenceProfileResponse r) {
        return new InferenceProfile(r.inferenceProfileArn(), r.inferenceProfileId(),
                Optional.ofNullable(r.inferenceProfileName()), Optional.ofNullable(r.typeAsString()),
                Optional.ofNullable(r.statusAsString()),
                r.models().stream().map(InferenceProfileModel::modelArn).filter(java.util.Objects::nonNull).toList());
    }
}
