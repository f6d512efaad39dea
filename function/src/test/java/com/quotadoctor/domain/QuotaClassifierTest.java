package com.quotadoctor.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaClassifierTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "On-demand model inference tokens per minute for Anthropic Claude 3.5 Sonnet | ON_DEMAND | TOKENS_PER_MINUTE | Anthropic Claude 3.5 Sonnet",
            "On-demand InvokeModel requests per minute for Anthropic Claude 3.5 Sonnet | ON_DEMAND | REQUESTS_PER_MINUTE | Anthropic Claude 3.5 Sonnet",
            "on-demand invokemodel TOKENS per minute for amazon nova pro | ON_DEMAND | TOKENS_PER_MINUTE | amazon nova pro",
            "Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1 | CROSS_REGION | TOKENS_PER_MINUTE | Anthropic Claude Sonnet 4.5 V1",
            "Cross-Region model inference tokens per minute for Anthropic Claude 3.5 Sonnet V2 | CROSS_REGION | TOKENS_PER_MINUTE | Anthropic Claude 3.5 Sonnet V2",
            "Cross-Region InvokeModel requests per minute for Anthropic Claude 3.5 Sonnet V2 | CROSS_REGION | REQUESTS_PER_MINUTE | Anthropic Claude 3.5 Sonnet V2",
            "Cross region model inference tokens per minute for Amazon Nova Lite | CROSS_REGION | TOKENS_PER_MINUTE | Amazon Nova Lite",
            "Global cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1 | GLOBAL | TOKENS_PER_MINUTE | Anthropic Claude Sonnet 4.5 V1",
            "Global cross-region model inference tokens per day for Anthropic Claude Haiku 4.5 | GLOBAL | TOKENS_PER_DAY | Anthropic Claude Haiku 4.5",
            "Model invocation max tokens per day for Anthropic Claude Sonnet 4.5 V1 (doubled for cross-region calls) | ON_DEMAND | TOKENS_PER_DAY | Anthropic Claude Sonnet 4.5 V1",
            "On-demand InvokeModel concurrent requests for Amazon Nova 2 Sonic | ON_DEMAND | CONCURRENT_REQUESTS | Amazon Nova 2 Sonic",
            "Records per batch inference job for Anthropic Claude 3 Haiku | BATCH | OTHER | Anthropic Claude 3 Haiku",
            "Model units per provisioned model for Anthropic Claude Instant V1 100K | PROVISIONED | OTHER | Anthropic Claude Instant V1 100K",
    })
    void classifiesEveryNamingVariant(String name, InferenceFamily family, QuotaMetric metric, String subject) {
        QuotaKind kind = QuotaClassifier.classify("L-00000000", name);

        assertThat(kind.family()).isEqualTo(family);
        assertThat(kind.metric()).isEqualTo(metric);
        assertThat(kind.model()).hasValueSatisfying(m -> assertThat(m.sameModel(ModelName.fromQuotaSubject(subject))).isTrue());
    }

    @Test
    void dailyQuotaIsSharedByOnDemandAndCrossRegionButNotGlobal() {
        QuotaKind daily = QuotaClassifier.classify("L-381AD9EE",
                "Model invocation max tokens per day for Anthropic Claude Sonnet 4.5 V1 (doubled for cross-region calls)");

        assertThat(daily.sharedWithCrossRegion()).isTrue();
        assertThat(daily.governs(InferenceFamily.ON_DEMAND)).isTrue();
        assertThat(daily.governs(InferenceFamily.CROSS_REGION)).isTrue();
        assertThat(daily.governs(InferenceFamily.GLOBAL)).isFalse();
    }

    @Test
    void crossModelDailyQuotaGovernsEveryModel() {
        QuotaKind kind = QuotaClassifier.classify("L-X", "Cross-Model Max Tokens Per Day");

        assertThat(kind.metric()).isEqualTo(QuotaMetric.CROSS_MODEL_TOKENS_PER_DAY);
        assertThat(kind.model()).isEmpty();
        assertThat(kind.governs(InferenceFamily.GLOBAL)).isTrue();
    }

    @Test
    void contextLengthVariantIsItsOwnQuota() {
        QuotaKind standard = QuotaClassifier.classify("L-F4DDD3EB", null);
        QuotaKind longContext = QuotaClassifier.classify("L-8EA73537", null);
        ModelName invoked = ModelId.parse("us.anthropic.claude-sonnet-4-5-20250929-v1:0").name().orElseThrow();

        assertThat(standard.governs(InferenceFamily.CROSS_REGION)).isTrue();
        assertThat(standard.model().orElseThrow().fit(invoked)).isPresent();
        assertThat(longContext.model().orElseThrow().fit(invoked)).as("the 1M variant is its own quota").isEmpty();
    }

    @Test
    void knownCodesClassifyWithoutAName() {
        QuotaKind kind = QuotaClassifier.classify("l-27c57ee8", "");

        assertThat(kind.family()).isEqualTo(InferenceFamily.GLOBAL);
        assertThat(kind.metric()).isEqualTo(QuotaMetric.TOKENS_PER_MINUTE);
    }

    @Test
    void unknownCodeWithoutNameIsUnrecognised() {
        assertThat(QuotaClassifier.classify("L-NOTKNOWN", null)).isEqualTo(QuotaKind.UNRECOGNISED);
    }

    @Test
    void mantleQuotasAreTheirOwnFamilyNeverARuntimeOne() {
        QuotaKind input = QuotaClassifier.classify("L-M", "Bedrock Mantle input tokens per minute for OpenAI gpt-oss-120b");
        QuotaKind output = QuotaClassifier.classify("L-N", "Bedrock Mantle output tokens per minute for OpenAI gpt-oss-120b");

        assertThat(input.family()).isEqualTo(InferenceFamily.MANTLE);
        assertThat(input.family().isRuntime()).isFalse();
        assertThat(input.governs(InferenceFamily.ON_DEMAND)).as("no runtime call draws on it").isFalse();
        assertThat(input.metric()).isEqualTo(QuotaMetric.TOKENS_PER_MINUTE);
        assertThat(input.isRuntimeLimit()).as("it refuses mantle calls").isTrue();
        assertThat(output.metric()).isEqualTo(QuotaMetric.OUTPUT_TOKENS_PER_MINUTE);
        assertThat(output.isRuntimeLimit()).as("it cuts answers short, it refuses no call").isFalse();
    }
}
