using DataGateway.Dataset.Storage;

namespace DataGateway.Cli.Serving;

/// <summary>Shows long work as a percentage line on stderr, updated in place.</summary>
internal sealed class ConsoleProgress(string label) : IProgress<DatasetProgress>
{
    private int _lastPercent = -1;

    public void Report(DatasetProgress value)
    {
        var percent = value.Total == 0 ? 100 : (int)(value.Done * 100 / value.Total);
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        Console.Error.Write($"\r{label}: {percent,3}% {value.Done:N0}/{value.Total:N0}");
        if (value.Done >= value.Total)
        {
            Console.Error.WriteLine();
        }
    }
}
