package com.quotadoctor.stub;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Bedrock quota catalogue the size of a real one (1,000+ quotas per region), named the way Service Quotas
 * names them: per model, per inference family and metric, plus batch, provisioned and Mantle quotas.
 */
public final class StubCatalogue {

    public static final List<String> MODELS = List.of(
            "Anthropic Claude 3 Haiku", "Anthropic Claude 3 Sonnet", "Anthropic Claude 3 Opus",
            "Anthropic Claude 3.5 Haiku", "Anthropic Claude 3.5 Sonnet", "Anthropic Claude 3.5 Sonnet V2",
            "Anthropic Claude 3.7 Sonnet V1", "Anthropic Claude Sonnet 4 V1", "Anthropic Claude Sonnet 4.5 V1",
            "Anthropic Claude Opus 4 V1", "Anthropic Claude Opus 4.1", "Anthropic Claude Haiku 4.5",
            "Anthropic Claude Opus 4.5", "Anthropic Claude Sonnet 4.6", "Anthropic Claude Opus 4.6",
            "Amazon Nova Micro", "Amazon Nova Lite", "Amazon Nova Pro", "Amazon Nova Premier", "Amazon Nova 2 Lite",
            "Amazon Nova Sonic", "Amazon Nova Canvas", "Amazon Nova Reel", "Amazon Titan Text Express",
            "Amazon Titan Text Lite", "Amazon Titan Text Premier", "Amazon Titan Embeddings G1 - Text",
            "Amazon Titan Text Embeddings V2", "Amazon Titan Multimodal Embeddings G1", "Amazon Titan Image Generator G1",
            "Meta Llama 3 8B Instruct", "Meta Llama 3 70B Instruct", "Meta Llama 3.1 8B Instruct",
            "Meta Llama 3.1 70B Instruct", "Meta Llama 3.1 405B Instruct", "Meta Llama 3.2 1B Instruct",
            "Meta Llama 3.2 3B Instruct", "Meta Llama 3.2 11B Instruct", "Meta Llama 3.2 90B Instruct",
            "Meta Llama 3.3 70B Instruct", "Meta Llama 4 Scout 17B Instruct", "Meta Llama 4 Maverick 17B Instruct",
            "Mistral 7B Instruct", "Mistral Mixtral 8x7B Instruct", "Mistral Large", "Mistral Large 2",
            "Mistral Small", "Mistral Pixtral Large", "Cohere Command", "Cohere Command Light", "Cohere Command R",
            "Cohere Command R+", "Cohere Embed English", "Cohere Embed Multilingual", "Cohere Rerank 3.5",
            "AI21 Jamba 1.5 Large", "AI21 Jamba 1.5 Mini", "AI21 Jamba-Instruct", "DeepSeek R1", "DeepSeek V3.1",
            "Writer Palmyra X4", "Writer Palmyra X5", "Qwen3 32B", "Qwen3 Coder 480B", "OpenAI gpt-oss-20b",
            "OpenAI gpt-oss-120b", "Stability SD3.5 Large", "Stability Stable Image Core", "Luma Ray v2",
            "TwelveLabs Pegasus 1.2");

    private static final List<String> PER_MODEL = List.of(
            "On-demand model inference requests per minute for %s",
            "On-demand model inference tokens per minute for %s",
            "Cross-region model inference requests per minute for %s",
            "Cross-region model inference tokens per minute for %s",
            "Global cross-region model inference requests per minute for %s",
            "Global cross-region model inference tokens per minute for %s",
            "Global cross-region model inference tokens per day for %s",
            "Model invocation max tokens per day for %s (doubled for cross-region calls)",
            "Batch inference input file size (in GB) for %s",
            "Records per batch inference job for %s",
            "Batch inference job size (in GB) for %s",
            "Concurrent batch inference jobs for %s",
            "Model units no-commitment Provisioned Throughputs for %s",
            "Model units per provisioned model for %s",
            "Bedrock Mantle input tokens per minute for %s",
            "Bedrock Mantle output tokens per minute for %s");

    private StubCatalogue() {
    }

    /** Every quota of the catalogue, at its default, applied as the default in the account. */
    public static int fill(StubAccount.RegionData region) {
        Set<String> codes = new LinkedHashSet<>();
        for (String model : MODELS) {
            for (String pattern : PER_MODEL) {
                String name = String.format(pattern, model);
                String code = code(name);
                if (codes.add(code)) {
                    double value = defaultValue(name);
                    region.quota(code, name, value, value, name.contains("Cross-region model inference tokens"));
                }
            }
        }
        return codes.size();
    }

    public static String code(String name) {
        return String.format("L-%08X", name.hashCode());
    }

    private static double defaultValue(String name) {
        if (name.contains("tokens per day") || name.contains("max tokens per day")) {
            return 288_000_000;
        }
        if (name.contains("tokens per minute")) {
            return 200_000;
        }
        if (name.contains("requests per minute")) {
            return 250;
        }
        return 10;
    }
}
