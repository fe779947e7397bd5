using System.Buffers.Binary;

namespace ConfluentFlink.Release.Tests.Archives;

/// <summary>
/// What an executable is built for, read from its headers only (it is never run): ELF class and machine, PE's
/// optional-header magic, machine and subsystem, Mach-O's CPU type and whether it carries a code signature.
/// </summary>
public static class ExecutableFormat
{
    private const int HeaderBytes = 64 * 1024;

    public static string Describe(Stream executable)
    {
        var header = new byte[HeaderBytes];
        var length = executable.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return Describe(header.AsSpan(0, length));
    }

    public static string Describe(ReadOnlySpan<byte> header) => header switch
    {
        [0x7F, (byte)'E', (byte)'L', (byte)'F', ..] => Elf(header),
        [(byte)'M', (byte)'Z', ..] => Pe(header),
        [0xCF, 0xFA, 0xED, 0xFE, ..] => MachO(header),
        _ => "unknown",
    };

    private static string Elf(ReadOnlySpan<byte> header)
    {
        if (header.Length < 20 || header[4] != 2 || header[5] != 1) return "ELF, not 64-bit little-endian";
        var machine = BinaryPrimitives.ReadUInt16LittleEndian(header[18..]) switch
        {
            0x3E => "x86-64",
            0xB7 => "aarch64",
            var other => $"machine 0x{other:X}",
        };
        return $"ELF 64-bit {machine}";
    }

    private static string Pe(ReadOnlySpan<byte> header)
    {
        if (header.Length < 0x40) return "MZ, truncated";
        var pe = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x3C..]);
        const int optionalHeader = 24;
        if (pe < 0 || pe + optionalHeader + 70 > header.Length || !header[pe..].StartsWith("PE\0\0"u8)) return "MZ without a PE header";
        var machine = BinaryPrimitives.ReadUInt16LittleEndian(header[(pe + 4)..]) switch
        {
            0x8664 => "x64",
            0xAA64 => "arm64",
            0x14C => "x86",
            var other => $"machine 0x{other:X}",
        };
        var magic = BinaryPrimitives.ReadUInt16LittleEndian(header[(pe + optionalHeader)..]) switch
        {
            0x20B => "PE32+",
            0x10B => "PE32",
            var other => $"PE magic 0x{other:X}",
        };
        var subsystem = BinaryPrimitives.ReadUInt16LittleEndian(header[(pe + optionalHeader + 68)..]) switch
        {
            3 => "console",
            2 => "GUI",
            var other => $"subsystem {other}",
        };
        return $"{magic} {machine} {subsystem}";
    }

    private static string MachO(ReadOnlySpan<byte> header)
    {
        const int headerSize = 32;
        const uint codeSignature = 0x1D;
        if (header.Length < headerSize) return "Mach-O, truncated";
        var cpu = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) switch
        {
            0x01000007 => "x86_64",
            0x0100000C => "arm64",
            var other => $"CPU 0x{other:X}",
        };
        var commands = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        var signed = false;
        var offset = headerSize;
        for (var i = 0; i < commands && offset + 8 <= header.Length; i++)
        {
            signed |= BinaryPrimitives.ReadUInt32LittleEndian(header[offset..]) == codeSignature;
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header[(offset + 4)..]);
            if (size < 8 || size > header.Length) break;
            offset += (int)size;
        }
        return $"Mach-O 64-bit {cpu}" + (signed ? ", code-signed" : ", unsigned");
    }
}
