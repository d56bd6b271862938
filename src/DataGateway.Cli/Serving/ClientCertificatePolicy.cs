namespace DataGateway.Cli.Serving;

/// <summary>How <c>dg serve</c> treats institutions' TLS client certificates.</summary>
internal enum ClientCertificatePolicy
{
    /// <summary>None are asked for.</summary>
    Off,

    /// <summary>Asked for; one that is presented must come from the dev CA and name the token's institution.</summary>
    Optional,

    /// <summary>An institution without a matching certificate is refused.</summary>
    Required,
}
