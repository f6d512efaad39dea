package com.quotadoctor.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model identifier as a caller passes it to bedrock-runtime: a bare id, a geographic or
 * {@code global.} inference profile id, or an ARN (foundation model, inference profile,
 * application inference profile, provisioned model).
 *
 * @param raw        what the caller passed
 * @param family     the quota family the call draws from
 * @param geography  the profile prefix ({@code us}, {@code eu}, {@code global}, …), empty for on-demand
 * @param baseId     the foundation model id without prefix, e.g. {@code anthropic.claude-sonnet-4-5-20250929-v1:0};
 *                   empty when the identifier names no model (application profile, provisioned model)
 * @param region     the region written in an ARN, if any
 * @param account    the account written in an ARN, if any
 */
public record ModelId(String raw, InferenceFamily family, Optional<String> geography, Optional<String> baseId,
                      Optional<String> region, Optional<String> account) {

    /** Geographic prefixes of cross-region inference profiles (CDK CrossRegionInferenceProfileRegion, AWS docs). */
    public static final Set<String> GEOGRAPHIC_PREFIXES = Set.of("us", "eu", "apac", "jp", "au", "ca", "us-gov");
    private static final Pattern ARN = Pattern.compile(
            "^arn:aws[a-z-]*:bedrock:([a-z0-9-]*):(\\d{12})?:([a-z-]+)/(.+)$");
    private static final Pattern BARE = Pattern.compile("^([a-z0-9-]+)\\.([a-z0-9][a-z0-9._:/-]*)$");

    /**
     * Parses a model identifier.
     *
     * @throws IllegalArgumentException with the reason when it is not a Bedrock model identifier
     */
    public static ModelId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("empty model id");
        }
        String raw = text.trim();
        if (!AwsId.MODEL.matches(raw)) {
            // AWS's limit and alphabet for a model identifier: one value can't blow up memory or output
            throw new BadInputException("malformed model id (" + (raw.length() > 2048 ? raw.length()
                    + " characters, AWS allows 2,048" : "'" + Text.oneLine(raw, 60) + "': letters, digits and . : / _ - only") + ")");
        }
        Matcher arn = ARN.matcher(raw);
        if (arn.matches()) {
            Optional<String> region = Optional.of(arn.group(1)).filter(r -> !r.isEmpty());
            Optional<String> account = Optional.ofNullable(arn.group(2));
            String resource = arn.group(4);
            return switch (arn.group(3)) {
                case "foundation-model" -> fromProfileId(raw, resource, region, account);
                case "inference-profile" -> fromProfileId(raw, resource, region, account);
                case "provisioned-model" -> new ModelId(raw, InferenceFamily.PROVISIONED, Optional.empty(),
                        Optional.empty(), region, account);
                case "application-inference-profile" -> new ModelId(raw, InferenceFamily.OTHER, Optional.empty(),
                        Optional.empty(), region, account);
                default -> throw new BadInputException(
                        "not a model ARN (resource type '" + arn.group(3) + "'): " + Text.oneLine(raw, 200));
            };
        }
        if (raw.startsWith("arn:")) {
            throw new BadInputException("not a Bedrock model ARN: " + Text.oneLine(raw, 200));
        }
        return fromProfileId(raw, raw, Optional.empty(), Optional.empty());
    }

    private static ModelId fromProfileId(String raw, String id, Optional<String> region, Optional<String> account) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (!BARE.matcher(lower).matches()) {
            throw new BadInputException("malformed model id (expected provider.model, e.g. "
                    + "anthropic.claude-sonnet-4-5-20250929-v1:0, or an inference profile such as us.…): " + raw);
        }
        int dot = lower.indexOf('.');
        String prefix = lower.substring(0, dot);
        if (prefix.equals("global")) {
            return new ModelId(raw, InferenceFamily.GLOBAL, Optional.of(prefix), Optional.of(requireModel(raw, lower.substring(dot + 1))), region, account);
        }
        // A prefix AWS adds later is still a profile when a known provider follows it; a second dot alone is
        // not one (deepseek.v3.2, zai.glm-4.7-flash, moonshotai.kimi-k2.5).
        String rest = lower.substring(dot + 1);
        boolean profileShaped = rest.contains(".") && ModelName.isProvider(rest.substring(0, rest.indexOf('.')));
        if (GEOGRAPHIC_PREFIXES.contains(prefix) || profileShaped) {
            return new ModelId(raw, InferenceFamily.CROSS_REGION, Optional.of(prefix), Optional.of(requireModel(raw, lower.substring(dot + 1))), region, account);
        }
        return new ModelId(raw, InferenceFamily.ON_DEMAND, Optional.empty(), Optional.of(lower), region, account);
    }

    private static String requireModel(String raw, String rest) {
        if (!BARE.matcher(rest).matches()) {
            throw new BadInputException("malformed inference profile id (expected prefix.provider.model): " + raw);
        }
        return rest;
    }

    /** The provider, e.g. {@code anthropic}. */
    public Optional<String> provider() {
        return baseId.map(b -> b.substring(0, b.indexOf('.')));
    }

    /** The comparable model name; empty when the identifier does not name a model. */
    public Optional<ModelName> name() {
        return baseId.map(b -> ModelName.fromModelId(b.substring(0, b.indexOf('.')), b.substring(b.indexOf('.') + 1)));
    }

    /** The id as CloudWatch's {@code ModelId} dimension and CloudTrail show it: prefix plus base id, no ARN. */
    public String invokedId() {
        if (baseId.isEmpty()) {
            return raw;
        }
        return geography.map(g -> g + "." + baseId.get()).orElse(baseId.get());
    }

    /** Whether this names an application inference profile, whose quotas are those of what it copies. */
    public boolean isApplicationProfile() {
        return raw.contains(":application-inference-profile/");
    }

    /** Whether two identifiers address the same thing the same way (ARN or not). */
    public boolean sameInvocation(String otherRaw) {
        if (otherRaw == null) {
            return false;
        }
        try {
            return parse(otherRaw).invokedId().equalsIgnoreCase(invokedId());
        } catch (IllegalArgumentException e) {
            return otherRaw.equalsIgnoreCase(raw);
        }
    }

    /** Output-token burndown factor: 5x for Claude 3.7 and later Claude generations, 1:1 for all other models. */
    public int outputBurndown() {
        if (!provider().map("anthropic"::equals).orElse(false)) {
            return 1;
        }
        return name().map(n -> n.generation() >= 3.7 ? 5 : 1).orElse(1);
    }

    /** The id that calls from {@code region} would use to draw on {@code family}'s quotas, if there is one. */
    public Optional<ModelId> inFamily(InferenceFamily family, String region) {
        if (baseId.isEmpty()) {
            return Optional.empty();
        }
        String base = baseId.get();
        Optional<String> id = switch (family) {
            case ON_DEMAND -> Optional.of(base);
            case GLOBAL -> Optional.of("global." + base);
            case CROSS_REGION -> geography.filter(g -> !g.equals("global")).or(() -> geographyOf(region))
                    .map(g -> g + "." + base);
            default -> Optional.empty();
        };
        return id.map(ModelId::parse);
    }

    /** The geographic profile prefix of a source region; empty where no documented prefix covers it. */
    public static Optional<String> geographyOf(String region) {
        if (region.startsWith("us-gov-")) {
            return Optional.of("us-gov");
        }
        if (region.startsWith("us-")) {
            return Optional.of("us");
        }
        if (region.startsWith("eu-")) {
            return Optional.of("eu");
        }
        // AWS documents no ca. profile (AWS CDK's CrossRegionInferenceProfileRegion: us, us-gov, eu, apac, jp, au,
        // global): a Canadian source region is never told to use one. The APAC geography includes me-central-1.
        return region.startsWith("ap-") || region.equals("me-central-1") ? Optional.of("apac") : Optional.empty();
    }
    @Override
    public String toString() {
        return raw;
    }
}
