using System.Diagnostics.CodeAnalysis;
using DataGateway.Core.Records;

namespace DataGateway.Dataset;

/// <summary>The raw records a data node holds. Only the node reads it.</summary>
public interface IEnterpriseStore
{
    /// <summary>The date the data is current to.</summary>
    DateOnly AsOf { get; }

    /// <summary>How many enterprises the store holds.</summary>
    long Count { get; }

    /// <summary>Reads one enterprise by its USCC.</summary>
    bool TryGet(string uscc, [NotNullWhen(true)] out EnterpriseRecord? record);

    /// <summary>The first <paramref name="count"/> subject codes in storage order (an operator tool, never served over HTTP).</summary>
    IReadOnlyList<string> Subjects(int count);
}
