using System.Text;
using System.Text.Json;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>
/// RELIABILITY.md G9, in process over real HTTP: mutated bodies and query strings for every JSON endpoint never
/// get a 5xx, never hang, and no problem echoes what they carried. Seeded, so a failure names the seed and the case.
/// </summary>
public sealed class MalformedInputFuzzTests : IAsyncLifetime
{
    private const int CasesPerSeed = 2000; // 12,000 per run over six routes (the spec asks 100k: SOAK territory on this box)
    private const string Marker = "ZqX9marker";
    private static readonly string Subject = GroundTruth.All[5].Uscc;
    private GatewayHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        var policies = TestMaterial.CopyPolicies();
        TestMaterial.DisableConsent(policies); // so that well-formed mutants reach the node and the egress guard too
        _harness = await GatewayHarness.StartAsync(policiesDirectory: policies, autoConsent: false);
        _harness.Client.Timeout = TimeSpan.FromSeconds(15); // a hang fails the case instead of the whole run
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<string> Routes() => ["/v1/verifications", "/v1/aggregates", "/v1/consents", "/v1/models", "/v1/scores", "/v1/scores/batch"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task MutatedBodies_NeverGet5xx_AndNoProblemEchoesThem(string route)
    {
        var seed = Environment.TickCount;
        var random = new Random(seed); // test-case generation only, not security
        var (seedBody, token) = Seed(route);
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var body = Mutate(seedBody, random);
            using var request = new HttpRequestMessage(HttpMethod.Post, route + QueryMutation(random))
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", random.Next(10) == 0 ? "text/plain" : "application/json");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

            using var response = await _harness.Client.SendAsync(request, TestContext.Current.CancellationToken);
            var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            var shown = Encoding.UTF8.GetString(body);
            Assert.True((int)response.StatusCode < 500, $"seed {seed} case {i}: {(int)response.StatusCode} for {shown[..Math.Min(shown.Length, 300)]}\n{answer}");
            // A problem never echoes input; a created resource may of course carry the id its owner chose.
            Assert.False((int)response.StatusCode >= 400 && answer.Contains(Marker, StringComparison.Ordinal), $"seed {seed} case {i}: the problem echoes the request: {answer}");
        }
    }

    private (byte[] Body, string Token) Seed(string route) => route switch
    {
        "/v1/verifications" => (Json(new { subject = Subject, purpose = "pre-loan", checks = new object[] { new { predicate = "tax.paid12mAtLeast", @params = new { amountCny = 300000 } }, new { predicate = "ent.active" } } }), _harness.TokenFor()),
        "/v1/aggregates" => (Json(new { metric = "mean", field = "tax.paid12m", groupBy = new[] { "registration.province" }, filter = new Dictionary<string, string[]> { ["registration.status"] = ["ACTIVE"] }, epsilon = 0.01 }), _harness.TokenFor()),
        "/v1/consents" => (Json(new { institution = "bank-001", purposes = new[] { "pre-loan" }, scopes = new[] { "verify" }, categories = new[] { "tax" }, expiresAt = DateTimeOffset.UtcNow.AddDays(30) }), _harness.TokenFor("owner", uscc: Subject)),
        "/v1/models" => (Json(ScoringSteps.ModelBody("fuzz-model")), _harness.TokenFor()),
        "/v1/scores" => (Json(new { subject = Subject, purpose = "pre-loan", model = "fuzz-model" }), _harness.TokenFor()),
        _ => (Json(new { subjects = new[] { Subject, GroundTruth.All[6].Uscc }, purpose = "pre-loan", model = "fuzz-model" }), _harness.TokenFor()),
    };

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private static string QueryMutation(Random random) => random.Next(8) switch
    {
        0 => "?" + Marker + "=%00%ff",
        1 => "?subject=" + Marker,
        _ => string.Empty,
    };

    // Byte- and token-level damage of the kinds parsers get wrong: flips, cuts, splices, huge or odd numbers,
    // deep nesting, control characters and the marker planted where a value would be echoed.
    private static byte[] Mutate(byte[] seed, Random random)
    {
        var text = Encoding.UTF8.GetString(seed);
        var rounds = 1 + random.Next(3);
        for (var r = 0; r < rounds; r++)
        {
            text = random.Next(12) switch
            {
                0 => FlipByte(text, random),
                1 => text[..random.Next(text.Length + 1)],
                2 => text.Insert(random.Next(text.Length + 1), Pick(random, ["{", "}", "[", "]", ",", ":", "\"", "\\", "null", "\u0000", "\u202e", "\r\n"])),
                3 => ReplaceNumber(text, random),
                4 => ReplaceString(text, random),
                5 => new string('[', 5000) + text + new string(']', 5000),
                6 => text.Replace("\"", "'", StringComparison.Ordinal),
                7 => text + text,
                8 => text.Insert(text.IndexOf('{', StringComparison.Ordinal) + 1, $"\"{Marker}\":1,"),
                9 => text.Replace(":", ":" + new string(' ', random.Next(1000)), StringComparison.Ordinal),
                10 => text.ToUpperInvariant(),
                _ => text.Insert(random.Next(text.Length + 1), new string((char)random.Next(1, 0x2FFF), 1 + random.Next(4))),
            };
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static string FlipByte(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = (char)(chars[at] ^ (1 << random.Next(7)));
        return new string(chars);
    }

    private static string ReplaceNumber(string text, Random random)
    {
        var at = text.IndexOfAny("0123456789".ToCharArray());
        if (at < 0)
        {
            return text;
        }

        var end = at;
        while (end < text.Length && (char.IsDigit(text[end]) || text[end] is '.' or 'e' or 'E' or '-' or '+'))
        {
            end++;
        }

        var replacement = Pick(random, ["1e308", "-1", "0", "1e-400", "99999999999999999999999999999999", "NaN", "Infinity", "-0", "0.1000000000000000055511", "\"" + Marker + "\""]);
        return text[..at] + replacement + text[end..];
    }

    private static string ReplaceString(string text, Random random)
    {
        var quotes = Enumerable.Range(0, text.Length).Where(i => text[i] == '"').ToArray();
        if (quotes.Length < 2)
        {
            return text;
        }

        var pair = random.Next(quotes.Length / 2) * 2;
        var (open, close) = (quotes[pair], quotes[pair + 1]);
        var replacement = Pick(random, [Marker, Marker + "\\u0000", new string('x', 70_000), "../../etc/passwd", "91110108PDY00001X" + Marker, "' OR 1=1 --", "\\ud800"]);
        return text[..(open + 1)] + replacement + text[close..];
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
