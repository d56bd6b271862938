namespace DataGateway.Gateway.Policies;

/// <summary>The YAML shape of the <c>models</c> section (policies/models.yaml).</summary>
internal sealed class ModelsDocument
{
    public int? MinFeatures { get; set; }

    public int? MaxFeatures { get; set; }

    public int? MaxPerInstitution { get; set; }

    public int? MaxBatchSize { get; set; }

    public int? PerSubjectModel { get; set; }

    public int? PerSubject { get; set; }

    public string? Period { get; set; }

    public KeyBitsDocument? KeyBits { get; set; }
}

/// <summary>Accepted Paillier modulus sizes.</summary>
internal sealed class KeyBitsDocument
{
    public int? Min { get; set; }

    public int? Max { get; set; }
}
