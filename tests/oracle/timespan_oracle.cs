// The oracle's half of oracle.timespan: .NET's own TimeSpan.Parse (Mono's corlib, which takes
// System.Globalization.TimeSpanParse from Microsoft's reference source) on every input line.
// Input: one string a line, ASCII, written with two escapes: "\\" for a backslash and "\uXXXX"
// for any other character outside printable ASCII. Output: one line per input, the ticks, or
// "error" (FormatException or OverflowException). The culture is passed explicitly: invariant.
// It matters (SPEC section 2, ST008): the fraction separator of the culture's "g" pattern is its
// decimal separator, so under de-DE Mono reads "02:03:04,5" and refuses "1:02:03:04.5", the
// reverse of the invariant culture.
using System;
using System.Globalization;
using System.IO;
using System.Text;

static class TimeSpanOracle {
  static string Unescape(string line) {
    var sb = new StringBuilder(line.Length);
    for (int i = 0; i < line.Length; i++) {
      if (line[i] != '\\') { sb.Append(line[i]); continue; }
      char next = line[++i];
      if (next == '\\') { sb.Append('\\'); continue; }
      if (next != 'u') throw new InvalidDataException("bad escape in: " + line);
      sb.Append((char)Convert.ToInt32(line.Substring(i + 1, 4), 16));
      i += 4;
    }
    return sb.ToString();
  }

  static int Main() {
    var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
    var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
    output.NewLine = "\n";
    string line;
    while ((line = input.ReadLine()) != null) {
      string text = Unescape(line);
      try {
        output.WriteLine(TimeSpan.Parse(text, CultureInfo.InvariantCulture).Ticks.ToString(CultureInfo.InvariantCulture));
      } catch (FormatException) {
        output.WriteLine("error");
      } catch (OverflowException) {
        output.WriteLine("error");
      }
    }
    output.Flush();
    return 0;
  }
}
