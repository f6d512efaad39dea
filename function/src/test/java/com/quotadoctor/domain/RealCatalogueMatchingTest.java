package com.quotadoctor.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governing-quota judgement over the real Bedrock catalogue (src/test/resources/catalogue): every
 * model id AWS lists, in every inference family and metric, against a table written by hand from the
 * quota names — not produced by the code under test.
 */
class RealCatalogueMatchingTest {

    private record Expectation(String modelId, QuotaMetric metric, Optional<String> code, String note) {
    }

    private static List<String[]> rows(String resource) throws IOException {
        return RealCatalogue.rows(resource);
    }

    private static List<Quota> catalogue(boolean older) throws IOException {
        return RealCatalogue.quotas(older, "us-east-1");
    }

    private static List<Expectation> expectations() throws IOException {
        return rows("governing-quotas.tsv").stream()
                .map(r -> new Expectation(r[0], QuotaMetric.valueOf(r[2]),
                        r[3].equals("-") ? Optional.empty() : Optional.of(r[3]), r[4]))
                .toList();
    }

    private static List<String> misjudged(List<Quota> catalogue) throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Expectation e : expectations()) {
            ModelId id = ModelId.parse(e.modelId());
            QuotaMatcher.Match match = QuotaMatcher.best(id.name().orElseThrow(), id.family(), e.metric(), catalogue);
            Optional<String> picked = match.quota().map(Quota::code);
            if (!picked.equals(e.code()) || match.ambiguous()) {
                wrong.add(e.modelId() + " " + e.metric() + ": expected " + e.code().orElse("none") + ", got "
                        + picked.orElse(match.ambiguous() ? "a tie " + match.tied().stream().map(Quota::code).toList() : "none"));
            }
        }
        return wrong;
    }

    @Test
    void theTableCoversTheWholeCatalogue() throws IOException {
        assertThat(catalogue(false)).hasSizeGreaterThan(250);
        assertThat(expectations()).hasSizeGreaterThan(1400)
                .filteredOn(e -> e.code().isPresent()).hasSizeGreaterThan(250);
    }

    @Test
    void everyModelIdFindsItsGoverningQuotaAndNoOther() throws IOException {
        assertThat(misjudged(catalogue(false))).isEmpty();
    }

    @Test
    void olderNamesOfTheSameCodesGiveTheSameJudgement() throws IOException {
        assertThat(misjudged(catalogue(true))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is governed by \"{1}\", not \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "anthropic.claude-3-5-sonnet-20240620-v1:0 | Anthropic Claude 3.5 Sonnet | Anthropic Claude 3.5 Sonnet V2",
            "anthropic.claude-3-5-sonnet-20241022-v2:0 | Anthropic Claude 3.5 Sonnet V2 | Anthropic Claude 3.5 Sonnet",
            "anthropic.claude-3-7-sonnet-20250219-v1:0 | Anthropic Claude 3.7 Sonnet V1 | Anthropic Claude 3.5 Sonnet",
            "anthropic.claude-3-5-sonnet-20240620-v1:0 | Anthropic Claude 3.5 Sonnet | Anthropic Claude 3.7 Sonnet V1",
            "anthropic.claude-sonnet-4-20250514-v1:0 | Anthropic Claude Sonnet 4 V1 | Anthropic Claude Sonnet 4.5 V1",
            "anthropic.claude-sonnet-4-5-20250929-v1:0 | Anthropic Claude Sonnet 4.5 V1 | Anthropic Claude Sonnet 4.6",
            "anthropic.claude-sonnet-4-6 | Anthropic Claude Sonnet 4.6 | Anthropic Claude Sonnet 4.5 V1",
            "anthropic.claude-opus-4-20250514-v1:0 | Anthropic Claude Opus 4 V1 | Anthropic Claude Opus 4.1",
            "anthropic.claude-opus-4-1-20250805-v1:0 | Anthropic Claude Opus 4.1 | Anthropic Claude Opus 4.5",
            "anthropic.claude-opus-4-5-20251101-v1:0 | Anthropic Claude Opus 4.5 | Anthropic Claude Opus 4 V1",
            "anthropic.claude-sonnet-4-5-20250929-v1:0 | Anthropic Claude Sonnet 4.5 V1 | Anthropic Claude Sonnet 4.5 V1 1M Context Length",
            "amazon.nova-lite-v1:0 | Amazon Nova Lite | Amazon Nova 2 Lite",
            "amazon.nova-2-lite-v1:0 | Amazon Nova 2 Lite | Amazon Nova Lite",
            "meta.llama3-2-1b-instruct-v1:0 | Meta Llama 3.2 1B Instruct | Meta Llama 3.2 11B Instruct",
            "meta.llama3-2-11b-instruct-v1:0 | Meta Llama 3.2 11B Instruct | Meta Llama 3.2 1B Instruct",
            "meta.llama3-2-90b-instruct-v1:0 | Meta Llama 3.2 90B Instruct | Meta Llama 3.2 11B Instruct",
            "cohere.command-r-v1:0 | Cohere Command R | Cohere Command R Plus",
            "cohere.command-r-plus-v1:0 | Cohere Command R Plus | Cohere Command R",
            "qwen.qwen3-235b-a22b-2507-v1:0 | Qwen3 235B a22b 2507 V1 | Qwen3 VL 235B A22B",
            "qwen.qwen3-vl-235b-a22b | Qwen3 VL 235B A22B | Qwen3 235B a22b 2507 V1",
            "openai.gpt-oss-20b-1:0 | OpenAI GPT OSS 20B | GPT OSS Safeguard 20B",
            "openai.gpt-oss-safeguard-20b | GPT OSS Safeguard 20B | OpenAI GPT OSS 20B",
            "mistral.mistral-large-2402-v1:0 | Mistral AI Mistral Large | Mistral Large 2407",
            "moonshotai.kimi-k2.5 | Moonshot AI Kimi K2.5 | Kimi K2 Thinking",
            "minimax.minimax-m2.1 | Minimax M2.1 | Minimax M2",
    })
    void aLookAlikeNeverWins(String modelId, String governing, String lookAlike) {
        ModelId id = ModelId.parse(modelId);
        List<Quota> both = List.of(quota("L-LOOKALIKE", lookAlike), quota("L-GOVERNING", governing));

        assertThat(QuotaMatcher.best(id.name().orElseThrow(), InferenceFamily.ON_DEMAND, QuotaMetric.TOKENS_PER_MINUTE, both)
                .quota()).map(Quota::code).hasValue("L-GOVERNING");
        // and alone in the catalogue, the look-alike is still refused
        assertThat(QuotaMatcher.best(id.name().orElseThrow(), InferenceFamily.ON_DEMAND, QuotaMetric.TOKENS_PER_MINUTE,
                List.of(quota("L-LOOKALIKE", lookAlike))).quota()).isEmpty();
    }

    @Test
    void aDatelessNameYieldsToTheDatedSibling() {
        // "Mistral Large" carries no date: alone it is the closest name for any Mistral Large; beside
        // "Mistral Large 2407" it is 2402's quota only.
        ModelId id = ModelId.parse("mistral.mistral-large-2407-v1:0");
        List<Quota> both = List.of(quota("L-01447289", "Mistral AI Mistral Large"), quota("L-1C28E1AB", "Mistral Large 2407"));

        assertThat(QuotaMatcher.best(id.name().orElseThrow(), id.family(), QuotaMetric.TOKENS_PER_MINUTE, both).quota())
                .map(Quota::code).hasValue("L-1C28E1AB");
    }

    @Test
    void aLatencyOptimizedQuotaNeverGovernsStandardCalls() {
        // the name as listed for Nova Pro (quoted in a public fork of awslabs/bedrock-usage-analyzer, tests/);
        // its "V1" would otherwise outrank "Amazon Nova Pro" for amazon.nova-pro-v1:0
        ModelId id = ModelId.parse("amazon.nova-pro-v1:0");
        List<Quota> catalogue = List.of(quota("L-CE33604C", "Amazon Nova Pro"),
                quota("L-LATENCY1", "Amazon Nova Pro V1", "On-Demand, latency-optimized model inference tokens per minute for "));

        assertThat(catalogue.get(1).kind().family()).isEqualTo(InferenceFamily.LATENCY_OPTIMIZED);
        assertThat(QuotaMatcher.best(id.name().orElseThrow(), id.family(), QuotaMetric.TOKENS_PER_MINUTE, catalogue).quota())
                .map(Quota::code).hasValue("L-CE33604C");
        assertThat(QuotaMatcher.best(id.name().orElseThrow(), id.family(), QuotaMetric.TOKENS_PER_MINUTE,
                List.of(catalogue.get(1))).quota()).isEmpty();
    }

    @Test
    void twoEquallyGoodCandidatesAreATieNotAGuess() {
        ModelId id = ModelId.parse("acme.rocket-v1:0");
        List<Quota> twins = List.of(quota("L-AAAA1111", "Acme Rocket"), quota("L-BBBB2222", "Rocket"));

        QuotaMatcher.Match match = QuotaMatcher.best(id.name().orElseThrow(), InferenceFamily.ON_DEMAND,
                QuotaMetric.TOKENS_PER_MINUTE, twins);

        assertThat(match.quota()).isEmpty();
        assertThat(match.tied()).extracting(Quota::code).containsExactlyInAnyOrder("L-AAAA1111", "L-BBBB2222");
    }

    @Test
    void aModelAwsInventsTomorrowMatchesByItsWords() {
        ModelId id = ModelId.parse("us.acme.rocket-2-5-pro-20270101-v1:0");
        List<Quota> catalogue = List.of(quota("L-ROCKET25", "Acme Rocket 2.5 Pro V1", "Cross-region model inference tokens per minute for "),
                quota("L-ROCKET20", "Acme Rocket 2 Pro V1", "Cross-region model inference tokens per minute for "),
                quota("L-ROCKETLT", "Acme Rocket 2.5 Lite V1", "Cross-region model inference tokens per minute for "));

        assertThat(QuotaMatcher.best(id.name().orElseThrow(), id.family(), QuotaMetric.TOKENS_PER_MINUTE, catalogue).quota())
                .map(Quota::code).hasValue("L-ROCKET25");
    }

    private static Quota quota(String code, String subject) {
        return quota(code, subject, "On-demand model inference tokens per minute for ");
    }

    private static Quota quota(String code, String subject, String prefix) {
        String name = prefix + subject;
        return new Quota(code, name, QuotaClassifier.classify(code, name), "us-east-1", Optional.empty(),
                Optional.empty(), Optional.of(1.0), Optional.of(true));
    }
}
