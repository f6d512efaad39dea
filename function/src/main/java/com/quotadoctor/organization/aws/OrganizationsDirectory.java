package com.quotadoctor.organization.aws;

import com.quotadoctor.evidence.aws.AwsFailure;
import com.quotadoctor.organization.AccountDirectory;
import com.quotadoctor.organization.AccountFilter;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The member accounts, from AWS Organizations: {@code ListAccounts} for the whole organisation, or
 * {@code ListAccountsForParent} under each chosen root or OU and, through {@code ListOrganizationalUnitsForParent}, every
 * OU nested below; {@code ListTagsForResource} per account when a tag filters them. Only active accounts: {@code State}
 * where AWS sends it, the older {@code Status} otherwise (AWS is retiring {@code Status} in favour of {@code State}).
 */
public final class OrganizationsDirectory implements AccountDirectory {

    /** Far above any organisation (the default limit is 10 accounts, the largest raise thousands) at 20 per page. */
    private static final int MAX_PAGES = 2_000;

    /**
     * The whole listing's budget: well inside the Organization function's 120 s, and a CLI user's patience. A token
     * that keeps changing, a slow endpoint or an organisation too large for it ends the listing with one clear error.
     */
    public static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(90);

    private final OrganizationsClient client;
    private final java.time.Duration budget;
    private long deadline;

    public OrganizationsDirectory(OrganizationsClient client) {
        this(client, BUDGET);
    }

    public OrganizationsDirectory(OrganizationsClient client, java.time.Duration budget) {
        this.client = client;
        this.budget = budget;
    }

    /** The Organizations client every listing uses: each call and attempt bounded, each response bounded in bytes. */
    public static OrganizationsClient client(software.amazon.awssdk.regions.Region region,
                                             software.amazon.awssdk.http.SdkHttpClient http,
                                             software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
        return OrganizationsClient.builder().region(region).httpClient(http).credentialsProvider(credentials)
                .overrideConfiguration(o -> o.apiCallTimeout(java.time.Duration.ofSeconds(20))
                        .apiCallAttemptTimeout(java.time.Duration.ofSeconds(8))
                        .addExecutionInterceptor(new com.quotadoctor.evidence.aws.ResponseBound()))
                .build();
    }

    /**
     * The accounts as the caller's standard AWS configuration sees them (the CLI: a management-account or delegated
     * administrator user), Organizations called in {@code region}.
     */
    public static List<String> standard(String region, AccountFilter filter) {
        try (var http = software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create();
             OrganizationsClient organizations = client(software.amazon.awssdk.regions.Region.of(region), http,
                     software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build())) {
            return new OrganizationsDirectory(organizations).activeAccounts(filter);
        } catch (ListingException e) {
            throw new com.quotadoctor.domain.BadInputException("AWS Organizations: " + e.getMessage(), e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            // the caller's environment, not a bug: one line naming AWS's refusal and who may list the accounts
            throw new com.quotadoctor.domain.BadInputException("AWS Organizations would not list the accounts ("
                    + AwsFailure.code(e) + ": " + AwsFailure.message(e) + "): run --organization as the organisation's management account or a "
                    + "delegated administrator, with organizations:ListAccounts", e);
        }
    }

    @Override
    public List<String> activeAccounts(AccountFilter filter) {
        deadline = System.nanoTime() + budget.toNanos();
        List<Account> accounts = filter.parents().isEmpty()
                ? pages(token -> {
                    var page = client.listAccounts(b -> b.nextToken(token));
                    return new Page<>(page.accounts(), page.nextToken());
                })
                : underParents(filter.parents());
        Set<String> ids = new LinkedHashSet<>();
        for (Account account : accounts) {
            if (active(account) && tagged(account.id(), filter)) {
                ids.add(account.id());
            }
        }
        return List.copyOf(ids);
    }

    private List<Account> underParents(List<String> parents) {
        List<Account> accounts = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(parents);
        Set<String> seen = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            String parent = queue.poll();
            if (!seen.add(parent)) {
                continue;
            }
            accounts.addAll(pages(token -> {
                var page = client.listAccountsForParent(b -> b.parentId(parent).nextToken(token));
                return new Page<>(page.accounts(), page.nextToken());
            }));
            pages(token -> {
                var page = client.listOrganizationalUnitsForParent(b -> b.parentId(parent).nextToken(token));
                return new Page<>(page.organizationalUnits(), page.nextToken());
            }).forEach(ou -> queue.add(ou.id()));
        }
        return accounts;
    }

    private static boolean active(Account account) {
        return account.stateAsString() != null ? "ACTIVE".equals(account.stateAsString())
                : "ACTIVE".equals(account.statusAsString());
    }

    private boolean tagged(String account, AccountFilter filter) {
        if (filter.tagKey().isEmpty()) {
            return true;
        }
        return pages(token -> {
            var page = client.listTagsForResource(b -> b.resourceId(account).nextToken(token));
            return new Page<>(page.tags(), page.nextToken());
        }).stream().anyMatch(t -> t.key().equals(filter.tagKey().get())
                && filter.tagValue().map(v -> v.equals(t.value())).orElse(true));
    }

    private record Page<T>(List<T> items, String next) {
    }

    /** Every page; a token repeated or a list without end is an error, not a loop. */
    private <T> List<T> pages(Function<String, Page<T>> call) {
        List<T> items = new ArrayList<>();
        String token = null;
        Set<String> tokens = new LinkedHashSet<>();
        for (int n = 0; n < MAX_PAGES; n++) {
            if (System.nanoTime() - deadline > 0) {
                throw new ListingException("the accounts were not all listed within " + budget.toSeconds()
                        + " s (" + n + " pages of this list read); not swept");
            }
            Page<T> page = call.apply(token);
            items.addAll(Optional.ofNullable(page.items()).orElse(List.of()));
            token = page.next();
            if (token == null || token.isEmpty()) {
                return items;
            }
            if (!tokens.add(token)) {
                throw new ListingException("the same page token came back twice");
            }
        }
        throw new ListingException("more than " + MAX_PAGES + " pages of one list");
    }

    /** A listing that cannot be trusted to end or to be whole: the sweep does not start on part of it. */
    public static final class ListingException extends RuntimeException {
        ListingException(String message) {
            super(message);
        }
    }

}
