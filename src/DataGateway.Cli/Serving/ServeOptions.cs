namespace DataGateway.Cli.Serving;

/// <summary>What <c>dg serve</c> was asked to do.</summary>
internal sealed record ServeOptions(
    string DataDirectory,
    string CertsDirectory,
    string PoliciesDirectory,
    string Urls,
    string NodeUrls,
    int Enterprises,
    ulong Seed,
    ClientCertificatePolicy ClientCertificates = ClientCertificatePolicy.Optional);

