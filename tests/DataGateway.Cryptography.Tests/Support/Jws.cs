using System.Buffers.Text;
using System.Text;
using DataGateway.Cryptography.Signing;

namespace DataGateway.Cryptography.Tests.Support;

/// <summary>Hand-built tokens for attacks the production API will not produce.</summary>
internal static class Jws
{
    public static string B64(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    public static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>Signs an arbitrary header JSON with a real key, so only the header rule can refuse it.</summary>
    public static string SignWithHeader(string headerJson, byte[] payload, EcSigningKey key)
    {
        var signingInput = B64(headerJson) + "." + B64(payload);
        return signingInput + "." + B64(key.SignData(Encoding.ASCII.GetBytes(signingInput)));
    }

    public static string[] Segments(string compact) => compact.Split('.');

    public static byte[] Decode(string segment) => Base64Url.DecodeFromChars(segment);
}
