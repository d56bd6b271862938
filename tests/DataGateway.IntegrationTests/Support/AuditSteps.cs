using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Cryptography.Checkpoints;
using Microsoft.Data.Sqlite;

namespace DataGateway.IntegrationTests.Support;

/// <summary>Steps shared by the checkpoint, self-check and crash tests: ask, read the tree head, edit audit.db.</summary>
public static class AuditSteps
{
    public const string Origin = "datagateway.dev/audit";

    /// <summary>The log's note key, from the test key material.</summary>
    public static NoteVerificationKey CheckpointKey => NoteSigningKey.FromSeed(Origin, TestMaterial.Keys.CheckpointSeed).VerificationKey;

    public static HttpRequestMessage Verification(string subject, string token, string? requestId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/verifications")
        {
            Content = JsonContent.Create(new { subject, purpose = "pre-loan", checks = new[] { new { predicate = "ent.active" } } }),
        };
        request.Headers.Authorization = new("Bearer", token);
        if (requestId is not null)
        {
            request.Headers.Add("X-Client-Request-Id", requestId);
        }

        return request;
    }

    public static async Task<VerificationResponse> VerifyAsync(HttpClient client, string subject, string token)
    {
        using var request = Verification(subject, token);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VerificationResponse>(TestContext.Current.CancellationToken))!;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, string auditorToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", auditorToken);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static int Execute(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>Every stored checkpoint row, oldest first: (size, root, note).</summary>
    public static List<(long Size, byte[] Root, string Note)> Checkpoints(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tree_size, root_hash, note FROM audit_checkpoints ORDER BY tree_size";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, byte[], string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetString(2)));
        }

        return rows;
    }

    public static byte[] Decode(string base64Url) => System.Buffers.Text.Base64Url.DecodeFromChars(base64Url);
}
