package com.quotadoctor.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence text in a chat card: inert, and otherwise as written. */
class ChatTextTest {

    @Test
    void mentionsAndLinksAreInertAndOrdinaryTextIsUnchanged() {
        String hostile = ChatText.escape("<!here> <@U123> @channel [click](http://evil.example)\u001b[31m");

        assertThat(hostile).doesNotContain("<!here>", "<@U123>", "@channel", "[click](").doesNotContain("\u001b")
                .contains("&lt;!here&gt;", "\\[click\\](http://evil.example)");
        assertThat(ChatText.escape("request e4292098 (L-F4DDD3EB, desired 400000) in us-east-1: 103% of quota_value *peak*"))
                .isEqualTo("request e4292098 (L-F4DDD3EB, desired 400000) in us-east-1: 103% of quota_value *peak*");
    }
}
