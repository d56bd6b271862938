using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Checkpoints;
using DataGateway.Cryptography.Merkle;
using DataGateway.Cryptography.Signing;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>
/// Invariant 6 over HTTP: an auditor reads the tree head and proves, with RFC 9162 proofs and
/// its own verifier, that each answered query is in the log and that the log only grew.
/// </summary>
public sealed class AuditProofApiTests : IAsyncLifetime
{
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await GatewayHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Receipts_AreProvablyInTheLog_AndTheLogOnlyGrows()
    {
        var first = await VerifyAsync(GroundTruth.All[10].Uscc);
        var (size1, root1) = await TreeHeadAsync();
        var second = await VerifyAsync(GroundTruth.All[11].Uscc);
        var (size2, root2) = await TreeHeadAsync();

        Assert.True(size2 > size1);
        foreach (var receipt in new[] { first.Receipt, second.Receipt })
        {
            var proof = await GetJsonAsync($"/v1/audit/proofs/inclusion?index={receipt.EntryIndex}&treeSize={size2}");
            var leafHash = Decode(proof.GetProperty("leafHash").GetString()!);
            var path = proof.GetProperty("path").EnumerateArray().Select(e => Decode(e.GetString()!)).ToArray();
            Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyInclusion(receipt.EntryIndex, size2, leafHash, path, root2));
            Assert.NotEqual(MerkleProofError.None, MerkleVerifier.VerifyInclusion(receipt.EntryIndex, size2, leafHash, path, root1));
        }

        var consistency = await GetJsonAsync($"/v1/audit/proofs/consistency?first={size1}&second={size2}");
        var consistencyPath = consistency.GetProperty("path").EnumerateArray().Select(e => Decode(e.GetString()!)).ToArray();
        Assert.Equal(MerkleProofError.None, MerkleVerifier.VerifyConsistency(size1, size2, root1, root2, consistencyPath));
    }

    [Theory]
    [InlineData("/v1/audit/proofs/inclusion?index=5&treeSize=5")]
    [InlineData("/v1/audit/proofs/inclusion?index=-1&treeSize=5")]
    [InlineData("/v1/audit/proofs/inclusion?index=0&treeSize=9999999")]
    [InlineData("/v1/audit/proofs/inclusion?treeSize=1")]
    [InlineData("/v1/audit/proofs/consistency?first=3&second=2")]
    [InlineData("/v1/audit/proofs/consistency?first=0&second=9999999")]
    public async Task Proofs_RefuseOutOfRangeArguments_WithAProblem(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", _harness.TokenFor("auditor"));
        using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Theory]
    [InlineData("institution")]
    [InlineData("owner")]
    public async Task AuditApi_IsForAuditorsOnly(string role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/audit/tree-head");
        request.Headers.Authorization = new("Bearer", _harness.TokenFor(role, uscc: role == "owner" ? GroundTruth.All[0].Uscc : null));
        using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "role_not_allowed");
    }

    private async Task<VerificationResponse> VerifyAsync(string subject)
    {
        var body = new { subject, purpose = "pre-loan", checks = new[] { new { predicate = "ent.active" } } };
        using var response = await _harness.Client.SendAsync(_harness.Post("/v1/verifications", body, _harness.TokenFor()), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VerificationResponse>(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task TreeHead_IsACheckpointSignedWithTheJwksKey_AndIsReusedUntilTheLogGrows()
    {
        await VerifyAsync(GroundTruth.All[12].Uscc);
        var head1 = await GetJsonAsync("/v1/audit/tree-head");
        var head2 = await GetJsonAsync("/v1/audit/tree-head");
        await VerifyAsync(GroundTruth.All[13].Uscc);
        var head3 = await GetJsonAsync("/v1/audit/tree-head");

        var key = await CheckpointKeyAsync();
        var note = head1.GetProperty("checkpoint").GetString();
        Assert.Equal(CheckpointError.None, CheckpointVerifier.Verify(note, "datagateway.dev/audit", [key], out var checkpoint));
        Assert.Equal(head1.GetProperty("treeSize").GetInt64(), checkpoint!.TreeSize);
        Assert.Equal(Decode(head1.GetProperty("rootHash").GetString()!), checkpoint.RootHash);
        Assert.Equal(note, head2.GetProperty("checkpoint").GetString());
        Assert.True(head3.GetProperty("treeSize").GetInt64() > checkpoint.TreeSize);

        // One changed character anywhere in the note breaks it.
        var forged = note!.Replace(checkpoint.TreeSize.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n", (checkpoint.TreeSize + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n", StringComparison.Ordinal);
        Assert.NotEqual(note, forged);
        Assert.NotEqual(CheckpointError.None, CheckpointVerifier.Verify(forged, "datagateway.dev/audit", [key], out _));
    }

    [Fact]
    public async Task TreeHead_RefusesToSign_WhenTheTreeNoLongerContainsThePublishedCheckpoint()
    {
        await VerifyAsync(GroundTruth.All[14].Uscc);
        await GetJsonAsync("/v1/audit/tree-head");

        // An operator rewrites history under the published checkpoint.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_harness.AuditDatabasePath};Pooling=False"))
        {
            connection.Open();
            using var rewrite = connection.CreateCommand();
            rewrite.CommandText = "UPDATE merkle_nodes SET hash = randomblob(32) WHERE idx = 0"; // every level's first subtree
            Assert.True(rewrite.ExecuteNonQuery() >= 1);
        }

        await VerifyAsync(GroundTruth.All[15].Uscc);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/audit/tree-head");
        request.Headers.Authorization = new("Bearer", _harness.TokenFor("auditor"));
        using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "audit_corrupt");
    }

    private async Task<NoteVerificationKey> CheckpointKeyAsync()
    {
        using var jwks = JsonDocument.Parse(await _harness.Client.GetStringAsync("/.well-known/jwks.json", TestContext.Current.CancellationToken));
        var okp = jwks.RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kty").GetString() == "OKP");
        var jwk = new JsonWebKey("OKP", "Ed25519", okp.GetProperty("x").GetString()!, null, okp.GetProperty("kid").GetString()!, null, "EdDSA");
        Assert.True(NoteVerificationKey.TryFromJsonWebKey("datagateway.dev/audit", jwk, out var key));
        return key!;
    }

    private async Task<(long Size, byte[] Root)> TreeHeadAsync()
    {
        var head = await GetJsonAsync("/v1/audit/tree-head");
        return (head.GetProperty("treeSize").GetInt64(), Decode(head.GetProperty("rootHash").GetString()!));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", _harness.TokenFor("auditor"));
        using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static byte[] Decode(string base64Url) => Base64Url.DecodeFromChars(base64Url);
}
