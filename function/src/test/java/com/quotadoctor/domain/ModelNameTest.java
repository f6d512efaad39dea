package com.quotadoctor.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ModelNameTest {

    private static ModelName id(String modelId) {
        return ModelId.parse(modelId).name().orElseThrow();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "anthropic.claude-3-5-sonnet-20240620-v1:0 | Anthropic Claude 3.5 Sonnet",
            "anthropic.claude-3-5-sonnet-20241022-v2:0 | Anthropic Claude 3.5 Sonnet V2",
            "anthropic.claude-3-7-sonnet-20250219-v1:0 | Anthropic Claude 3.7 Sonnet V1",
            "anthropic.claude-sonnet-4-20250514-v1:0 | Anthropic Claude Sonnet 4 V1",
            "anthropic.claude-sonnet-4-5-20250929-v1:0 | Anthropic Claude Sonnet 4.5 V1",
            "anthropic.claude-haiku-4-5-20251001-v1:0 | Anthropic Claude Haiku 4.5",
            "amazon.nova-pro-v1:0 | Amazon Nova Pro",
            "amazon.titan-text-express-v1 | Amazon Titan Text Express",
            "meta.llama3-2-1b-instruct-v1:0 | Meta Llama 3.2 1B Instruct",
            "amazon.titan-embed-text-v2:0 | Amazon Titan Text Embeddings V2",
            "mistral.mistral-large-2407-v1:0 | Mistral AI Mistral Large 2407",
            "openai.gpt-oss-120b-1:0 | OpenAI gpt-oss-120b",
            "anthropic.claude-opus-4-1-20250805-v1:0 | anthropic claude opus 4.1 v1",
    })
    void modelIdMatchesItsQuotaName(String modelId, String quotaSubject) {
        assertThat(id(modelId).sameModel(ModelName.fromQuotaSubject(quotaSubject))).isTrue();
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', value = {
            "anthropic.claude-3-5-sonnet-20241022-v2:0 | Anthropic Claude 3.5 Sonnet",
            "anthropic.claude-3-5-sonnet-20240620-v1:0 | Anthropic Claude 3.5 Sonnet V2",
            "anthropic.claude-sonnet-4-20250514-v1:0 | Anthropic Claude Sonnet 4.5 V1",
            "anthropic.claude-sonnet-4-5-20250929-v1:0 | Anthropic Claude Sonnet 4 V1",
            "anthropic.claude-sonnet-4-5-20250929-v1:0 | Anthropic Claude Sonnet 4.5 V1 1M Context Length",
            "anthropic.claude-haiku-4-5-20251001-v1:0 | Anthropic Claude 3.5 Haiku",
            "amazon.nova-pro-v1:0 | Amazon Nova Premier",
            "amazon.nova-lite-v1:0 | Amazon Nova 2 Lite",
    })
    void differentModelsDoNotMatch(String modelId, String quotaSubject) {
        assertThat(id(modelId).sameModel(ModelName.fromQuotaSubject(quotaSubject))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Anthropic Claude 3.5 Sonnet | Anthropic Claude 3.5 Sonnet V2",
            "Anthropic Claude Sonnet 4.5 V1 | Anthropic Claude Sonnet 4.5 V1 1M Context Length",
    })
    void versionsOfOneLineShareALineage(String a, String b) {
        ModelName first = ModelName.fromQuotaSubject(a);
        ModelName second = ModelName.fromQuotaSubject(b);

        assertThat(first.sameLineage(second)).isTrue();
        assertThat(first.sameModel(second)).isFalse();
    }
}
