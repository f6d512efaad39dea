package com.quotadoctor.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inference profile as Bedrock's {@code GetInferenceProfile} describes it (REST JSON, camelCase on the
 * wire): an application profile, made for cost allocation, copies either one foundation model (its calls
 * draw on that model's on-demand quotas) or a system-defined profile (its calls draw on that profile's
 * cross-region or global quotas).
 *
 * @param arn       {@code inferenceProfileArn}
 * @param id        {@code inferenceProfileId}
 * @param name      {@code inferenceProfileName}
 * @param type      {@code APPLICATION} or {@code SYSTEM_DEFINED}
 * @param status    {@code ACTIVE}
 * @param modelArns {@code models[].modelArn}: foundation-model ARNs, one per region the profile routes to
 */
public record InferenceProfile(String arn, String id, Optional<String> name, Optional<String> type,
                               Optional<String> status, List<String> modelArns) {

    private static final Pattern MODEL_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:bedrock:([a-z0-9-]*):\\d{0,12}:(foundation-model|inference-profile)/(.+)$");

    /** Held to AWS's shapes where it enters: an ARN with a line break or a forged command is refused at its place. */
    public InferenceProfile {
        AwsId.MODEL.require(arn, "inferenceProfileArn");
        AwsId.MODEL.require(id, "inferenceProfileId");
        modelArns = List.copyOf(modelArns);
        for (String modelArn : modelArns) {
            if (modelArn == null || !MODEL_ARN.matcher(modelArn).matches() || !AwsId.MODEL.matches(modelArn)) {
                throw new BadInputException("models[].modelArn: '" + Text.oneLine(String.valueOf(modelArn), 60)
                        + "' is not a foundation-model or inference-profile ARN");
            }
        }
        name = name.map(n -> Text.oneLine(n, 256));
    }

    /** Whether a call's model identifier addresses this profile (by ARN or id). */
    public boolean isNamedBy(String modelId) {
        return modelId != null && (modelId.equalsIgnoreCase(arn) || modelId.equalsIgnoreCase(id));
    }

    /**
     * What the profile copies, as the model id whose quotas its calls draw on: the foundation model (on-demand)
     * when it routes to one region, the system-defined profile (cross-region, or global when its regions span
     * geographies) when it routes to several. Empty when the models list names no model.
     *
     * <p>AWS documents the response shape, not which ARNs an application profile copied from a system profile
     * lists; read from the field's description ("each model in the inference profile"), one per destination region.
     */
    public Optional<ModelId> copies() {
        Set<String> regions = new LinkedHashSet<>();
        Optional<String> base = Optional.empty();
        for (String modelArn : modelArns) {
            Matcher m = MODEL_ARN.matcher(modelArn);
            if (!m.matches()) {
                continue;
            }
            if (m.group(2).equals("inference-profile")) {
                return Optional.of(ModelId.parse(m.group(3))); // a system profile named as such
            }
            regions.add(m.group(1));
            base = base.or(() -> Optional.of(m.group(3)));
        }
        if (base.isEmpty()) {
            return Optional.empty();
        }
        if (regions.size() <= 1) {
            return Optional.of(ModelId.parse(base.get()));
        }
        Set<String> geographies = new LinkedHashSet<>();
        regions.forEach(r -> geographies.add(ModelId.geographyOf(r).orElse(r)));
        return Optional.of(ModelId.parse((geographies.size() == 1 ? geographies.iterator().next() : "global") + "."
                + base.get()));
    }
}
