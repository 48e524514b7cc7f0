using Billing.Access.Application.ApiKeys.CreateApiKey;
using Billing.Access.Application.ApiKeys.ListApiKeys;
using Billing.Access.Application.ApiKeys.RevokeApiKey;
using Billing.Access.Domain.ApiKeys;
using Billing.BuildingBlocks.Domain;
using FluentValidation;

namespace Billing.Access.Tests;

/// <summary>ENV-2, ENV-4: keys through MediatR with the real pipeline, and what the authentication makes of them.</summary>
public sealed class ApiKeyTests(AccessModuleFixture module) : IClassFixture<AccessModuleFixture>
{
    [Fact]
    public async Task A_created_key_belongs_to_the_callers_environment_and_authenticates_there_only()
    {
        var created = await module.SendAsync(new CreateApiKeyCommand("reporting", "client"), BillingEnvironment.Live);

        created.Key.ShouldStartWith("bk_live_");
        created.ApiKey.Prefix.ShouldBe(created.Key[..12]);
        created.ApiKey.Environment.ShouldBe("live");
        (await module.SendAsync(new ListApiKeysQuery(), BillingEnvironment.Live)).Data.ShouldContain(key => key.Id == created.ApiKey.Id);
        (await module.SendAsync(new ListApiKeysQuery(), BillingEnvironment.Test)).Data.ShouldNotContain(key => key.Id == created.ApiKey.Id);
        var identity = (await module.AuthenticateAsync(created.Key)).ShouldNotBeNull();
        identity.Environment.ShouldBe(BillingEnvironment.Live);
        identity.Role.ShouldBe(ApiKeyRole.Client);
    }

    [Fact]
    public async Task A_revoked_key_stops_authenticating_at_once_and_the_last_admin_key_cannot_be_revoked()
    {
        var second = await module.SendAsync(new CreateApiKeyCommand("second admin", "admin"));
        (await module.AuthenticateAsync(second.Key)).ShouldNotBeNull();

        var revoked = await module.SendAsync(new RevokeApiKeyCommand(second.ApiKey.Id));

        revoked.Active.ShouldBeFalse();
        (await module.AuthenticateAsync(second.Key)).ShouldBeNull("this instance forgets a revoked key at once");
        var configured = (await module.SendAsync(new ListApiKeysQuery())).Data.Single(key => key.Source == "configuration" && key.Role == "admin");
        var refusal = await Should.ThrowAsync<BusinessRuleViolation>(() => module.SendAsync(new RevokeApiKeyCommand(configured.Id)));
        refusal.Code.ShouldBe("last_admin_key");
        (await module.AuthenticateAsync(AccessModuleFixture.TestAdminKey)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_key_of_another_environment_is_not_found_and_a_bad_role_is_refused_by_name()
    {
        var live = (await module.SendAsync(new ListApiKeysQuery(), BillingEnvironment.Live)).Data.First();

        await Should.ThrowAsync<Billing.BuildingBlocks.Application.Errors.NotFoundException>(() => module.SendAsync(new RevokeApiKeyCommand(live.Id)));
        var invalid = await Should.ThrowAsync<ValidationException>(() => module.SendAsync(new CreateApiKeyCommand("x", "owner")));
        invalid.Errors.ShouldContain(error => error.PropertyName == "Role");
    }

    [Fact]
    public void Secrets_are_random_and_only_their_hash_is_kept()
    {
        var secret = ApiKey.NewSecret(BillingEnvironment.Test);
        var key = ApiKey.Create(secret, "k", BillingEnvironment.Test, ApiKeyRole.Client, "api", DateTimeOffset.UnixEpoch);

        secret.ShouldMatch("^bk_test_[A-Za-z0-9_-]{43}$");
        ApiKey.NewSecret(BillingEnvironment.Test).ShouldNotBe(secret);
        key.Hash.ShouldBe(ApiKey.HashOf(secret));
        key.Hash.ShouldNotContain(secret[8..]);
    }
}
