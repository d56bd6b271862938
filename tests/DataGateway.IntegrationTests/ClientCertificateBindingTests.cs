using System.CommandLine;
using System.Net;
using DataGateway.Cli;
using DataGateway.Cli.Commands;
using DataGateway.Gateway.Authentication;
using DataGateway.IntegrationTests.Support;
using static DataGateway.IntegrationTests.Support.ConsentSteps;

namespace DataGateway.IntegrationTests;

/// <summary>
/// API.md "Optional mTLS: an institution's client certificate must match its inst", over real HTTPS on
/// loopback with the dev CA: a bank's stolen token is refused on a connection holding another bank's
/// certificate, or (when required) none; owners and auditors are never asked for one. Certificates the CA
/// did not issue for clientAuth, or that expired or were revoked, are ClientCertificateValidationTests'.
/// </summary>
public sealed class ClientCertificateBindingTests
{
    private static readonly string Subject = GroundTruth.All[70].Uscc;

    [Fact]
    public async Task MatchingCertificate_IsAnswered_WhileAnotherBanksCertificate_IsRefusedAuditedAndNeverForwarded()
    {
        await using var harness = await StartAsync(required: false);
        using var bank1 = harness.HttpsClient(TestMaterial.Keys.LoadClientCertificate("bank-001"));
        using var bank2 = harness.HttpsClient(TestMaterial.Keys.LoadClientCertificate("bank-002"));

        using (var answered = await bank1.SendAsync(Verification(harness, Subject), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var entriesBefore = AuditReader.ReadAll(harness.AuditDatabasePath).Count;
        using var refused = await bank2.SendAsync(Verification(harness, Subject), TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized, "client_certificate_mismatch");
        Assert.False(problem.TryGetProperty("results", out _));
        var entries = AuditReader.ReadAll(harness.AuditDatabasePath);
        var entry = Assert.Single(entries.Skip(entriesBefore));
        Assert.Equal("authentication", entry["kind"]);
        Assert.Equal("denied", entry["decision"]);
        Assert.Equal("client_certificate_mismatch", entry["reason"]);
        Assert.Equal("bank-001", entry["institution"]);
        Assert.Null(entry["node"]);
    }

    [Fact]
    public async Task MismatchedCertificate_IsRefusedOnEveryInstitutionEndpoint_NotOnlyQueries()
    {
        await using var harness = await StartAsync(required: false);
        using var bank2 = harness.HttpsClient(TestMaterial.Keys.LoadClientCertificate("bank-002"));

        using var catalog = await bank2.SendAsync(harness.Send(HttpMethod.Get, "/v1/catalog", Bank(harness, "bank-001")), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(catalog, HttpStatusCode.Unauthorized, "client_certificate_mismatch");

        using var own = await bank2.SendAsync(harness.Send(HttpMethod.Get, "/v1/catalog", Bank(harness, "bank-002")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task OptionalBinding_AnswersAnInstitutionWithoutCertificate()
    {
        await using var harness = await StartAsync(required: false);

        using var response = await harness.Client.SendAsync(Verification(harness, Subject), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RequiredBinding_RefusesAnInstitutionWithoutCertificate_ButNeverAsksOwnersOrAuditors()
    {
        await using var harness = await StartAsync(required: true);

        using var bare = await harness.Client.SendAsync(Verification(harness, Subject), TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(bare, HttpStatusCode.Unauthorized, "client_certificate_required");

        using var auditor = await harness.Client.SendAsync(harness.Send(HttpMethod.Get, "/v1/audit/tree-head", harness.TokenFor("auditor")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, auditor.StatusCode);

        using var bank1 = harness.HttpsClient(TestMaterial.Keys.LoadClientCertificate("bank-001"));
        using var answered = await bank1.SendAsync(Verification(harness, Subject), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task DgVerify_PresentsTheInstitutionsCertificate_WhenTheGatewayRequiresOne()
    {
        await using var harness = await StartAsync(required: true);
        var certs = TestMaterial.CertsDirectory;

        var (refused, _, refusal) = await DgVerifyAsync(harness);
        var (answered, output, error) = await DgVerifyAsync(
            harness, "--client-cert", Path.Combine(certs, "client-bank-001.crt.pem"), "--client-key", Path.Combine(certs, "client-bank-001.key.pem"));

        Assert.Equal(ExitCodes.Refused, refused);
        Assert.Contains("client_certificate_required", refusal, StringComparison.Ordinal);
        Assert.True(answered == ExitCodes.Success, error);
        Assert.Contains("ent.active", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DgVerify_RefusesAClientCertificateWithoutItsKey_AsAUsageError()
    {
        await using var harness = await StartAsync(required: true);

        var (code, _, error) = await DgVerifyAsync(harness, "--client-cert", Path.Combine(TestMaterial.CertsDirectory, "client-bank-001.crt.pem"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--client-key", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> DgVerifyAsync(GatewayHarness harness, params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { VerifyCommand.Create(_ => null) };
        string[] args =
        [
            "verify", "--gateway", harness.GatewayAddress, "--token", Bank(harness), "--ca", Path.Combine(TestMaterial.CertsDirectory, "ca.crt.pem"),
            "--subject", Subject, "--purpose", "pre-loan", "--check", "ent.active", .. extra,
        ];
        var code = await DgApp.RunAsync(root, args, new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<GatewayHarness> StartAsync(bool required)
    {
        var harness = await GatewayHarness.StartAsync(autoConsent: false, clientCertificates: new ClientCertificateSettings(TestMaterial.Keys.CaCertificate, required));
        await GrantAsync(harness, Subject, GrantBody(harness));
        return harness;
    }
}
