package com.quotadoctor.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelIdTest {

    @Test
    void aSourceRegionIsOnlyToldAboutAGeographicProfileAwsDocuments() {
        assertThat(ModelId.geographyOf("ca-central-1")).as("AWS documents no ca. profile").isEmpty();
        assertThat(ModelId.geographyOf("me-central-1")).contains("apac");
        assertThat(ModelId.geographyOf("ap-southeast-2")).contains("apac");
        assertThat(ModelId.geographyOf("eu-west-1")).contains("eu");
        assertThat(ModelId.geographyOf("us-gov-west-1")).contains("us-gov");
    }

    @ParameterizedTest
    @CsvSource({
            "anthropic.claude-3-5-sonnet-20240620-v1:0, ON_DEMAND, , anthropic.claude-3-5-sonnet-20240620-v1:0",
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0, CROSS_REGION, us, anthropic.claude-sonnet-4-5-20250929-v1:0",
            "eu.amazon.nova-pro-v1:0, CROSS_REGION, eu, amazon.nova-pro-v1:0",
            "apac.amazon.nova-lite-v1:0, CROSS_REGION, apac, amazon.nova-lite-v1:0",
            "jp.anthropic.claude-haiku-4-5-20251001-v1:0, CROSS_REGION, jp, anthropic.claude-haiku-4-5-20251001-v1:0",
            "au.anthropic.claude-haiku-4-5-20251001-v1:0, CROSS_REGION, au, anthropic.claude-haiku-4-5-20251001-v1:0",
            "us-gov.anthropic.claude-3-5-sonnet-20240620-v1:0, CROSS_REGION, us-gov, anthropic.claude-3-5-sonnet-20240620-v1:0",
            "global.anthropic.claude-sonnet-4-5-20250929-v1:0, GLOBAL, global, anthropic.claude-sonnet-4-5-20250929-v1:0",
            "US.Anthropic.Claude-Sonnet-4-5-20250929-V1:0, CROSS_REGION, us, anthropic.claude-sonnet-4-5-20250929-v1:0",
            "amazon.titan-text-express-v1, ON_DEMAND, , amazon.titan-text-express-v1",
            "ca.anthropic.claude-haiku-4-5-20251001-v1:0, CROSS_REGION, ca, anthropic.claude-haiku-4-5-20251001-v1:0",
    })
    void readsFamilyPrefixAndBase(String raw, InferenceFamily family, String geography, String base) {
        ModelId id = ModelId.parse(raw);

        assertThat(id.family()).isEqualTo(family);
        assertThat(id.geography().orElse(null)).isEqualTo(geography);
        assertThat(id.baseId()).contains(base);
    }

    @Test
    void readsFoundationModelArn() {
        ModelId id = ModelId.parse("arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0");

        assertThat(id.family()).isEqualTo(InferenceFamily.ON_DEMAND);
        assertThat(id.region()).contains("us-west-2");
        assertThat(id.account()).isEmpty();
        assertThat(id.invokedId()).isEqualTo("anthropic.claude-3-5-sonnet-20241022-v2:0");
    }

    @Test
    void readsInferenceProfileArn() {
        ModelId id = ModelId.parse(
                "arn:aws:bedrock:eu-central-1:111122223333:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0");

        assertThat(id.family()).isEqualTo(InferenceFamily.CROSS_REGION);
        assertThat(id.region()).contains("eu-central-1");
        assertThat(id.account()).contains("111122223333");
        assertThat(id.invokedId()).isEqualTo("eu.anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertThat(id.sameInvocation("eu.anthropic.claude-sonnet-4-5-20250929-v1:0")).isTrue();
    }

    @Test
    void provisionedModelArnUsesModelUnits() {
        ModelId id = ModelId.parse("arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abc123xyz");

        assertThat(id.family()).isEqualTo(InferenceFamily.PROVISIONED);
        assertThat(id.name()).isEmpty();
    }

    @Test
    void applicationInferenceProfileNamesNoModelUntilResolved() {
        ModelId id = ModelId.parse("arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5");

        assertThat(id.family()).isEqualTo(InferenceFamily.OTHER);
        assertThat(id.name()).isEmpty();
        assertThat(id.account()).contains("111122223333");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "claude sonnet", "anthropic", "us.", "arn:aws:s3:::bucket/key",
            "arn:aws:bedrock:us-east-1:111122223333:agent/ABC", "us.claude"})
    void rejectsWhatIsNoModelId(String raw) {
        assertThatThrownBy(() -> ModelId.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0, 5",
            "anthropic.claude-3-7-sonnet-20250219-v1:0, 5",
            "global.anthropic.claude-haiku-4-5-20251001-v1:0, 5",
            "anthropic.claude-opus-4-1-20250805-v1:0, 5",
            "anthropic.claude-3-5-sonnet-20241022-v2:0, 1",
            "anthropic.claude-3-haiku-20240307-v1:0, 1",
            "amazon.nova-pro-v1:0, 1",
            "meta.llama3-3-70b-instruct-v1:0, 1",
    })
    void outputBurndownFollowsTheModelGeneration(String raw, int burndown) {
        assertThat(ModelId.parse(raw).outputBurndown()).isEqualTo(burndown);
    }

    @org.junit.jupiter.api.Test
    void anIdBeyondAwsLimitIsRefusedBeforeItIsParsed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelId.parse("us.anthropic." + "x".repeat(500_000)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("malformed model id (500013 characters, AWS allows 2,048)");
        org.assertj.core.api.Assertions.assertThat(ModelId.parse("us.anthropic." + "x".repeat(2_035)).raw()).hasSize(2_048);
    }
}
