using System.Reflection;
using System.Reflection.Emit;
using DataGateway.Privacy.Noise;

namespace DataGateway.Privacy.Tests.Architecture;

/// <summary>
/// RELIABILITY.md D5, second half. BannedSymbols.txt stops Math, MathF, Random and the double
/// APIs at build time, but the analyzer cannot see the <c>double</c> keyword, literals or implicit
/// conversions. This test reads the compiled IL of every method in the Privacy assembly and fails
/// on any floating-point type or instruction.
/// </summary>
public sealed class NoFloatingPointTests
{
    private static readonly Type[] FloatingTypes = [typeof(double), typeof(float), typeof(Half)];
    private static readonly HashSet<short> FloatingOpCodes =
        [OpCodes.Ldc_R4.Value, OpCodes.Ldc_R8.Value, OpCodes.Conv_R4.Value, OpCodes.Conv_R8.Value, OpCodes.Conv_R_Un.Value];
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void PrivacyAssembly_UsesNoFloatingPoint()
    {
        var violations = Violations(typeof(NoisePool).Assembly).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Scanner_FindsFloatingPoint_WhenCodeUsesIt()
    {
        // Negative control: this assembly uses double, so the scanner must report it.
        Assert.Contains(Violations(typeof(NoFloatingPointTests).Assembly), v => v.Contains(nameof(HalfOf), StringComparison.Ordinal));
    }

    private static long HalfOf(long value) => (long)(value * 0.5);

    private static IEnumerable<string> Violations(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var field in type.GetFields(all).Where(f => FloatingTypes.Contains(f.FieldType)))
            {
                yield return $"{type.FullName}.{field.Name}: floating-point field";
            }

            var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
            foreach (var method in methods)
            {
                var name = $"{type.FullName}.{method.Name}";
                if (method is MethodInfo info && FloatingTypes.Contains(info.ReturnType))
                {
                    yield return $"{name}: returns floating point";
                }

                if (method.GetParameters().Any(p => FloatingTypes.Contains(p.ParameterType)))
                {
                    yield return $"{name}: floating-point parameter";
                }

                var body = method.GetMethodBody();
                if (body is null)
                {
                    continue;
                }

                if (body.LocalVariables.Any(l => FloatingTypes.Contains(l.LocalType)))
                {
                    yield return $"{name}: floating-point local";
                }

                if (UsesFloatingOpCode(body.GetILAsByteArray() ?? []))
                {
                    yield return $"{name}: floating-point instruction";
                }
            }
        }
    }

    private static bool UsesFloatingOpCode(byte[] il)
    {
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var opCode = OpCodesByValue[value];
            if (FloatingOpCodes.Contains(opCode.Value))
            {
                return true;
            }

            i += opCode.Size + OperandSize(opCode.OperandType, il, i + opCode.Size);
        }

        return false;
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
