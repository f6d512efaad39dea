package com.quotadoctor.organization;

import java.util.List;

/** The organisation's member accounts: what a sweep fans out over. */
@FunctionalInterface
public interface AccountDirectory {

    /**
     * The active accounts the filter selects, each once, in a stable order.
     *
     * @throws RuntimeException when the organisation cannot be listed (not its management or delegated administrator
     *                          account, no permission): a sweep without its accounts cannot start
     */
    List<String> activeAccounts(AccountFilter filter);
}
