package com.quotadoctor.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a Bedrock quota by family, metric and model from its {@code QuotaName}, with the
 * codes known today as a fallback when no name is at hand. Names drift ("On-demand InvokeModel
 * …" became "On-demand model inference …", "Cross-Region" vs "Cross-region"), so the name is
 * read by its parts, not matched whole.
 */
public final class QuotaClassifier {

    private static final Pattern SUBJECT = Pattern.compile("\\bfor\\s+(.+)$", Pattern.CASE_INSENSITIVE);

    /** Codes seen across public catalogue dumps (bedrock-quotas.md); names win when present. */
    private static final Map<String, String> KNOWN_CODES = Map.ofEntries(
            Map.entry("L-254CACF4", "On-demand model inference requests per minute for Anthropic Claude 3.5 Sonnet"),
            Map.entry("L-A50569E5", "On-demand model inference tokens per minute for Anthropic Claude 3.5 Sonnet"),
            Map.entry("L-F457545D", "Cross-region model inference requests per minute for Anthropic Claude 3.5 Sonnet"),
            Map.entry("L-479B647F", "Cross-region model inference tokens per minute for Anthropic Claude 3.5 Sonnet"),
            Map.entry("L-1D3E59A3", "Cross-region model inference requests per minute for Anthropic Claude 3.5 Sonnet V2"),
            Map.entry("L-FF8B4E28", "Cross-region model inference tokens per minute for Anthropic Claude 3.5 Sonnet V2"),
            Map.entry("L-3D8CC480", "Cross-region model inference requests per minute for Anthropic Claude 3.7 Sonnet V1"),
            Map.entry("L-6E888CC2", "Cross-region model inference tokens per minute for Anthropic Claude 3.7 Sonnet V1"),
            Map.entry("L-9EB71894", "Model invocation max tokens per day for Anthropic Claude 3.7 Sonnet V1 (doubled for cross-region calls)"),
            Map.entry("L-559DCC33", "Cross-region model inference requests per minute for Anthropic Claude Sonnet 4 V1"),
            Map.entry("L-59759B4A", "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4 V1"),
            Map.entry("L-22F701C5", "Model invocation max tokens per day for Anthropic Claude Sonnet 4 V1 (doubled for cross-region calls)"),
            Map.entry("L-4A6BFAB1", "Cross-region model inference requests per minute for Anthropic Claude Sonnet 4.5 V1"),
            Map.entry("L-F4DDD3EB", "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1"),
            Map.entry("L-381AD9EE", "Model invocation max tokens per day for Anthropic Claude Sonnet 4.5 V1 (doubled for cross-region calls)"),
            Map.entry("L-DB84CE56", "Global cross-region model inference requests per minute for Anthropic Claude Sonnet 4.5 V1"),
            Map.entry("L-27C57EE8", "Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1"),
            Map.entry("L-BC182137", "Global cross-region model inference tokens per day for Anthropic Claude Sonnet 4.5 V1"),
            Map.entry("L-A052927A", "Cross-region model inference requests per minute for Anthropic Claude Sonnet 4.5 V1 1M Context Length"),
            Map.entry("L-8EA73537", "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1 1M Context Length"),
            Map.entry("L-4B26E44A", "Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1 1M Context Length"),
            Map.entry("L-CCA5DF70", "Cross-region model inference requests per minute for Anthropic Claude Haiku 4.5"),
            Map.entry("L-58BE175A", "Cross-region model inference tokens per minute for Anthropic Claude Haiku 4.5"),
            Map.entry("L-6120CF2D", "Model invocation max tokens per day for Anthropic Claude Haiku 4.5 (doubled for cross-region calls)"),
            Map.entry("L-E5084BBA", "Global cross-region model inference requests per minute for Anthropic Claude Haiku 4.5"),
            Map.entry("L-9A11C666", "Global cross-region model inference tokens per minute for Anthropic Claude Haiku 4.5"),
            Map.entry("L-B5C049AE", "Global cross-region model inference tokens per day for Anthropic Claude Haiku 4.5"),
            Map.entry("L-F2717A44", "On-demand model inference requests per minute for Amazon Nova Pro"),
            Map.entry("L-CE33604C", "On-demand model inference tokens per minute for Amazon Nova Pro"),
            Map.entry("L-ED46B8C5", "Cross-region model inference requests per minute for Amazon Nova Pro"),
            Map.entry("L-C0326783", "Cross-region model inference tokens per minute for Amazon Nova Pro"),
            Map.entry("L-D690997B", "Model invocation max tokens per day for Amazon Nova Pro (doubled for cross-region calls)"),
            Map.entry("L-E386A278", "On-demand model inference requests per minute for Amazon Nova Lite"),
            Map.entry("L-70423BF8", "On-demand model inference tokens per minute for Amazon Nova Lite"),
            Map.entry("L-89F8391A", "Cross-region model inference requests per minute for Amazon Nova Lite"),
            Map.entry("L-7C42E72A", "Cross-region model inference tokens per minute for Amazon Nova Lite"),
            Map.entry("L-45E0AD92", "Model invocation max tokens per day for Amazon Nova Lite (doubled for cross-region calls)"),
            Map.entry("L-E118F160", "On-demand model inference requests per minute for Amazon Nova Micro"),
            Map.entry("L-CFA4FA0D", "On-demand model inference tokens per minute for Amazon Nova Micro"),
            Map.entry("L-3F110E0F", "Cross-region model inference requests per minute for Amazon Nova Micro"),
            Map.entry("L-DC7FF66C", "Cross-region model inference tokens per minute for Amazon Nova Micro"),
            Map.entry("L-D2912E70", "Model invocation max tokens per day for Amazon Nova Micro (doubled for cross-region calls)"),
            Map.entry("L-9EAB0D12", "On-demand model inference requests per minute for Amazon Titan Text Express"),
            Map.entry("L-44992E63", "On-demand model inference tokens per minute for Amazon Titan Text Express"),
            Map.entry("L-20CFCD61", "On-demand model inference requests per minute for Meta Llama 3.2 1B Instruct"),
            Map.entry("L-6F14193C", "On-demand model inference tokens per minute for Meta Llama 3.2 1B Instruct"),
            Map.entry("L-A31D2B40", "Cross-region model inference requests per minute for Meta Llama 3.2 1B Instruct"),
            Map.entry("L-BD9FDA6F", "Cross-region model inference tokens per minute for Meta Llama 3.2 1B Instruct"));

    private QuotaClassifier() {
    }

    /** The name known for a code when the evidence carries none. */
    public static Optional<String> knownName(String quotaCode) {
        return Optional.ofNullable(quotaCode).map(c -> KNOWN_CODES.get(c.toUpperCase(Locale.ROOT)));
    }

    /** Classifies by name when there is one, else by the known code table. */
    public static QuotaKind classify(String quotaCode, String quotaName) {
        String name = quotaName != null && !quotaName.isBlank() ? quotaName : knownName(quotaCode).orElse(null);
        return name == null ? QuotaKind.UNRECOGNISED : classifyName(name);
    }

    static QuotaKind classifyName(String quotaName) {
        String name = quotaName.toLowerCase(Locale.ROOT)
                .replaceAll("cross[\\s-]*region", "cross-region")
                .replaceAll("cross[\\s-]*model", "cross-model")
                .replaceAll("on[\\s-]*demand", "on-demand")
                .replaceAll("\\s+", " ")
                .trim();
        boolean shared = name.contains("doubled for cross-region");
        String withoutNote = name.replaceAll("\\([^)]*\\)", "").trim();

        QuotaMetric metric = metricOf(withoutNote);
        InferenceFamily family = familyOf(withoutNote, metric);
        Optional<ModelName> model = Optional.empty();
        if (metric != QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY) {
            Matcher subject = SUBJECT.matcher(quotaName.replaceAll("\\([^)]*\\)", "").trim());
            if (subject.find()) {
                model = Optional.of(ModelName.fromQuotaSubject(subject.group(1)));
            }
        }
        // "Model invocation max tokens per day" carries no family word: on-demand, shared with cross-region
        boolean dailyShared = metric == QuotaMetric.TOKENS_PER_DAY && family == InferenceFamily.ON_DEMAND
                && (shared || withoutNote.startsWith("model invocation"));
        return new QuotaKind(family, metric, model, dailyShared);
    }

    private static QuotaMetric metricOf(String name) {
        if (name.contains("cross-model") && name.contains("tokens per day")) {
            return QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY;
        }
        if (name.contains("mantle") && name.contains("output tokens per minute")) {
            return QuotaMetric.OUTPUT_TOKENS_PER_MINUTE;
        }
        if (name.contains("requests per minute")) {
            return QuotaMetric.REQUESTS_PER_MINUTE;
        }
        if (name.contains("tokens per minute")) {
            return QuotaMetric.TOKENS_PER_MINUTE;
        }
        if (name.contains("tokens per day")) {
            return QuotaMetric.TOKENS_PER_DAY;
        }
        if (name.contains("concurrent requests")) {
            return QuotaMetric.CONCURRENT_REQUESTS;
        }
        return QuotaMetric.OTHER;
    }

    private static InferenceFamily familyOf(String name, QuotaMetric metric) {
        if (name.contains("batch inference") || name.contains("batch job") || name.contains("per batch")) {
            return InferenceFamily.BATCH;
        }
        if (name.contains("provisioned")) {
            return InferenceFamily.PROVISIONED;
        }
        if (name.contains("mantle")) {
            return InferenceFamily.MANTLE;
        }
        if (name.contains("latency-optimized") || name.contains("latency optimized")) {
            return InferenceFamily.LATENCY_OPTIMIZED;
        }
        if (name.startsWith("global") || name.contains("global cross-region")) {
            return InferenceFamily.GLOBAL;
        }
        if (name.contains("cross-region")) {
            return InferenceFamily.CROSS_REGION;
        }
        if (name.contains("on-demand")) {
            return InferenceFamily.ON_DEMAND;
        }
        if (metric == QuotaMetric.TOKENS_PER_DAY && name.contains("model invocation")) {
            return InferenceFamily.ON_DEMAND;
        }
        if (metric == QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY) {
            return InferenceFamily.ON_DEMAND;
        }
        return InferenceFamily.OTHER;
    }
}
