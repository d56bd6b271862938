using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DataGateway.Gateway.Policies;

/// <summary>
/// Reads every <c>*.yaml</c> in the policy directory, merges the sections, and validates the
/// whole. Like YARP's ConfigValidator it collects every error before failing, so an operator
/// fixes a bad edit in one pass.
/// </summary>
internal static class PolicyLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build(); // unknown keys throw, which we report as errors: a typo must not silently drop a rule

    /// <summary>Loads and validates; returns the policy or every error found.</summary>
    public static PolicyLoadResult Load(string directory)
    {
        var errors = new List<string>();
        if (!Directory.Exists(directory))
        {
            return PolicyLoadResult.Failed([$"policy directory '{directory}' does not exist"]);
        }

        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            return PolicyLoadResult.Failed([$"policy directory '{directory}' has no *.yaml files"]);
        }

        var merged = new PolicyDocument();
        using var version = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file, Encoding.UTF8);
            }
            catch (IOException e)
            {
                errors.Add($"{Path.GetFileName(file)}: cannot read ({e.GetType().Name})");
                continue;
            }

            AppendToVersion(version, Path.GetFileName(file), text);
            try
            {
                var document = Yaml.Deserialize<PolicyDocument?>(text);
                if (document is not null)
                {
                    Merge(merged, document, Path.GetFileName(file), errors);
                }
            }
            catch (YamlException e)
            {
                errors.Add($"{Path.GetFileName(file)} line {e.Start.Line}: {e.Message}");
            }
        }

        var hash = "pol-" + Convert.ToHexStringLower(version.GetHashAndReset())[..16];
        var policy = PolicyCompiler.Compile(merged, hash, errors);
        return errors.Count > 0 || policy is null ? PolicyLoadResult.Failed(errors) : PolicyLoadResult.Loaded(policy);
    }

    private static void AppendToVersion(IncrementalHash hash, string name, string text)
    {
        // Length-prefixed so that moving text between files changes the version.
        Span<byte> length = stackalloc byte[4];
        foreach (var part in new[] { name, text })
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
    }

    private static void Merge(PolicyDocument into, PolicyDocument from, string file, List<string> errors)
    {
        into.Purposes = Take(into.Purposes, from.Purposes, "purposes", file, errors);
        into.Institutions = Take(into.Institutions, from.Institutions, "institutions", file, errors);
        into.Predicates = Take(into.Predicates, from.Predicates, "predicates", file, errors);
        into.Limits = Take(into.Limits, from.Limits, "limits", file, errors);
        into.Models = Take(into.Models, from.Models, "models", file, errors);
        into.Aggregates = Take(into.Aggregates, from.Aggregates, "aggregates", file, errors);
    }

    private static T? Take<T>(T? current, T? incoming, string section, string file, List<string> errors)
        where T : class
    {
        if (incoming is null)
        {
            return current;
        }

        if (current is not null)
        {
            errors.Add($"{file}: section '{section}' is already set by another file");
            return current;
        }

        return incoming;
    }
}

/// <summary>The outcome of loading the policy directory.</summary>
internal sealed record PolicyLoadResult(GatewayPolicy? Policy, IReadOnlyList<string> Errors)
{
    public static PolicyLoadResult Loaded(GatewayPolicy policy) => new(policy, []);

    public static PolicyLoadResult Failed(IReadOnlyList<string> errors) => new(null, errors);
}
