using System.Net;
using System.Security.Cryptography.X509Certificates;
using DataGateway.Cli.Tokens;
using DataGateway.Cryptography.Keys;
using DataGateway.Gateway.Authentication;
using DataGateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static DataGateway.IntegrationTests.Support.ConsentSteps;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md G2 over real HTTPS on loopback, with a CA made in the test: every client certificate that is
/// not a valid, current, unrevoked clientAuth certificate of the trusted CA is refused before any node is asked;
/// a certificate-bound token (RFC 8705 <c>cnf</c>) works only beside its own certificate; a forged
/// <c>X-Client-Cert</c> header is ignored.
/// </summary>
public sealed class ClientCertificateValidationTests
{
    private static readonly string Subject = GroundTruth.All[71].Uscc;

    public static TheoryData<string> UnacceptableCertificates() =>
        ["expired", "not yet valid", "serverAuth only", "self-signed", "another CA"];

    [Theory]
    [MemberData(nameof(UnacceptableCertificates))]
    public async Task UnacceptableCertificate_NamingTheInstitution_IsRefused403_AndNoNodeIsAsked(string kind)
    {
        using var ca = TestCertificateAuthority.Create();
        using var other = TestCertificateAuthority.Create();
        await using var harness = await StartAsync(ca, X509RevocationMode.NoCheck);
        var now = DateTimeOffset.UtcNow;
        using var certificate = kind switch
        {
            "expired" => ca.Issue("bank-001", now.AddHours(-2), now.AddMinutes(-1)),
            "not yet valid" => ca.Issue("bank-001", now.AddHours(1), now.AddHours(2)),
            "serverAuth only" => ca.Issue("bank-001", extendedKeyUsage: CertificateChains.ServerAuthOid),
            "self-signed" => TestCertificateAuthority.SelfSigned("bank-001"),
            _ => other.Issue("bank-001"),
        };
        using var client = harness.HttpsClient(certificate);

        using var response = await client.SendAsync(Verification(harness, Subject), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "client_certificate_invalid");
        var entries = AuditReader.ReadAll(harness.AuditDatabasePath);
        Assert.DoesNotContain(entries, e => (string?)e["kind"] == "verification");
        Assert.Contains(entries, e => (string?)e["kind"] == "authentication" && (string?)e["reason"] == "client_certificate_invalid");
    }

    [Fact]
    public async Task BoundToken_IsAnsweredBesideItsCertificate_AndRefused401BesideAnotherOrNone()
    {
        using var ca = TestCertificateAuthority.Create();
        await using var harness = await StartAsync(ca, X509RevocationMode.NoCheck);
        using var own = ca.Issue("bank-001");
        using var sameNameOtherKey = ca.Issue("bank-001");
        var bound = DevTokenMinter.Mint(
            TestMaterial.Keys.TokenSigningKey, "institution", "bank-001", null, TimeSpan.FromMinutes(10), TimeProvider.System,
            certificateThumbprint: CertificateChains.Sha256Thumbprint(own));

        using var withOwn = harness.HttpsClient(own);
        using var withOther = harness.HttpsClient(sameNameOtherKey);
        using var answered = await withOwn.SendAsync(BoundVerification(harness, bound), TestContext.Current.CancellationToken);
        using var otherCertificate = await withOther.SendAsync(BoundVerification(harness, bound), TestContext.Current.CancellationToken);
        using var noCertificate = await harness.Client.SendAsync(BoundVerification(harness, bound), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await ProblemAssert.IsProblemAsync(otherCertificate, HttpStatusCode.Unauthorized, "client_certificate_mismatch");
        await ProblemAssert.IsProblemAsync(noCertificate, HttpStatusCode.Unauthorized, "client_certificate_required");
        Assert.Equal("Bearer error=\"invalid_token\"", otherCertificate.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task BoundToken_IsRefused_ByAGatewayThatAsksNoCertificates_FailClosed()
    {
        // A gateway with mTLS off cannot check the binding, so it must not honour the token as if it were unbound.
        using var ca = TestCertificateAuthority.Create();
        using var own = ca.Issue("bank-001");
        await using var harness = await GatewayHarness.StartAsync(autoConsent: false);
        var bound = DevTokenMinter.Mint(
            TestMaterial.Keys.TokenSigningKey, "institution", "bank-001", null, TimeSpan.FromMinutes(10), TimeProvider.System,
            certificateThumbprint: CertificateChains.Sha256Thumbprint(own));

        using var response = await harness.Client.SendAsync(harness.Send(HttpMethod.Get, "/v1/catalog", bound), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "client_certificate_required");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("\"a-string\"")]
    [InlineData("{\"x5t\":\"sha1-is-not-enough\"}")]
    [InlineData("{\"x5t#S256\":42}")]
    public void UnreadableConfirmation_BindsTheTokenToNoCertificateAtAll(string cnf)
    {
        using var ca = TestCertificateAuthority.Create();
        using var certificate = ca.Issue("bank-001");
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(CertificateConfirmation.Claim, cnf)], "test"));

        var confirmation = CertificateConfirmation.Of(user);

        Assert.NotNull(confirmation); // present: the token demands a binding...
        Assert.False(confirmation.Matches(certificate)); // ...that no certificate can satisfy (fail closed)
    }

    [Fact]
    public async Task ForgedClientCertificateHeader_FromTheCaller_IsIgnored()
    {
        using var ca = TestCertificateAuthority.Create();
        await using var harness = await StartAsync(ca, X509RevocationMode.NoCheck, required: true);
        using var genuine = ca.Issue("bank-001");
        using var request = Verification(harness, Subject);
        request.Headers.Add("X-Client-Cert", Uri.EscapeDataString(genuine.ExportCertificatePem()));
        request.Headers.Add("X-SSL-Client-Cert", Convert.ToBase64String(genuine.RawData));

        using var response = await harness.Client.SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "client_certificate_required");
    }

    [Fact]
    public async Task RevokedCertificate_IsRefused_WhileAnUnrevokedOneOfTheSameCaIsAnswered()
    {
        await using var crl = await CrlServer.StartAsync();
        using var ca = TestCertificateAuthority.Create(crl.Address);
        using var revoked = ca.Issue("bank-001");
        using var good = ca.Issue("bank-001");
        crl.Serve(ca.Crl(revoked));
        await using var harness = await StartAsync(ca, X509RevocationMode.Online);

        using var withRevoked = harness.HttpsClient(revoked);
        using var withGood = harness.HttpsClient(good);
        using var refused = await withRevoked.SendAsync(Verification(harness, Subject), TestContext.Current.CancellationToken);
        using var answered = await withGood.SendAsync(Verification(harness, Subject), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "client_certificate_invalid");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.True(crl.Fetches > 0);
    }

    [Fact]
    public async Task CertificateWhoseCrlCannotBeFetched_IsRefused_FailClosed()
    {
        Uri unreachable;
        await using (var gone = await CrlServer.StartAsync())
        {
            unreachable = gone.Address; // a loopback port that no longer answers
        }

        using var ca = TestCertificateAuthority.Create(unreachable);
        using var certificate = ca.Issue("bank-001");
        await using var harness = await StartAsync(ca, X509RevocationMode.Online);
        using var client = harness.HttpsClient(certificate);

        using var response = await client.SendAsync(Verification(harness, Subject), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "client_certificate_invalid");
    }

    private static HttpRequestMessage BoundVerification(GatewayHarness harness, string token) =>
        harness.PostRaw("/v1/verifications", $$"""{"subject":"{{Subject}}","purpose":"pre-loan","checks":[{"predicate":"ent.active"}]}""", token);

    private static async Task<GatewayHarness> StartAsync(TestCertificateAuthority ca, X509RevocationMode revocation, bool required = false)
    {
        var harness = await GatewayHarness.StartAsync(
            autoConsent: false, clientCertificates: new ClientCertificateSettings(ca.Certificate, required, revocation));
        await GrantAsync(harness, Subject, GrantBody(harness));
        return harness;
    }

    /// <summary>The CA's CRL distribution point: a loopback HTTP endpoint that counts its fetches.</summary>
    private sealed class CrlServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private byte[] _crl = [];
        private int _fetches;

        private CrlServer(WebApplication app) => _app = app;

        public Uri Address => new(_app.Urls.First() + "/ca.crl");

        public int Fetches => Volatile.Read(ref _fetches);

        public static async Task<CrlServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new CrlServer(app);
            app.MapGet("/ca.crl", (HttpContext context) =>
            {
                Interlocked.Increment(ref server._fetches);
                return Results.Bytes(server._crl, "application/pkix-crl");
            });
            await app.StartAsync();
            return server;
        }

        public void Serve(byte[] crl) => _crl = crl;

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
