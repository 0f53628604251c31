// The oracle's half of oracle.appsettings: System.Configuration (Mono's) reads each generated
// CustomSettings.config the way the BC server does, as the external file of
// <appSettings file="CustomSettings.config"/> in its exe.config.
//
// Usage: mono appsettings_oracle.exe KEYS_FILE CASES_FILE
// KEYS_FILE: the catalogued server keys, one a line. CASES_FILE: one case folder a line, each
// holding CustomSettings.config. For each folder this writes server.exe.config beside the file
// and prints:
//   case <folder>
//   value <key> <escaped value>     or   null <key>        (ConfigurationManager.AppSettings[key])
//   inline ok                       or   inline error <message>
//   end
// The values come from the appSettings section's runtime object, the NameValueCollection that
// ConfigurationManager.AppSettings returns (ConfigurationSection.GetRuntimeObject), read through
// OpenMappedExeConfiguration so that one process reads every case. "inline" is Mono's verdict on
// the file's root element as an appSettings section written inside the exe.config itself: Mono
// ignores every error in a file= external file (see appsettings_oracle.py), so this is where its
// configuration errors (unrecognized elements and attributes, malformed XML) show.
using System;
using System.Collections.Specialized;
using System.Configuration;
using System.IO;
using System.Reflection;
using System.Text;
using System.Xml;

static class AppSettingsOracle {
  static readonly MethodInfo GetRuntimeObject = typeof(ConfigurationSection).GetMethod(
      "GetRuntimeObject", BindingFlags.NonPublic | BindingFlags.Instance);

  static string Escape(string s) {
    var sb = new StringBuilder();
    foreach (char c in s) {
      if (c == '\\') sb.Append("\\\\");
      else if (c >= ' ' && c <= '~') sb.Append(c);
      else sb.Append("\\u").Append(((int)c).ToString("x4"));
    }
    return sb.ToString();
  }

  static string OneLine(string message) {
    return message.Replace("\r", " ").Replace("\n", " ");
  }

  static NameValueCollection AppSettings(string exeConfig) {
    var map = new ExeConfigurationFileMap { ExeConfigFilename = exeConfig };
    var config = ConfigurationManager.OpenMappedExeConfiguration(map, ConfigurationUserLevel.None);
    return (NameValueCollection)GetRuntimeObject.Invoke(config.GetSection("appSettings"), null);
  }

  // Throws what Mono's configuration system throws for the file's root element as an inline section.
  static void CheckInline(string folder, string file) {
    string root;
    using (var reader = new XmlTextReader(file)) {
      reader.MoveToContent();
      if (reader.NodeType != XmlNodeType.Element) throw new XmlException("no root element");
      root = reader.ReadOuterXml();
    }
    string inline = Path.Combine(folder, "inline.exe.config");
    File.WriteAllText(inline, "<configuration>" + root + "</configuration>", new UTF8Encoding(false));
    AppSettings(inline);
  }

  static int Main(string[] args) {
    string[] keys = File.ReadAllLines(args[0]);
    var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
    output.NewLine = "\n";
    foreach (string line in File.ReadAllLines(args[1])) {
      if (line.Length == 0) continue;
      string folder = Path.GetFullPath(line);
      string exeConfig = Path.Combine(folder, "server.exe.config");
      File.WriteAllText(exeConfig,
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n" +
          "  <appSettings file=\"CustomSettings.config\" />\n</configuration>\n");
      output.WriteLine("case " + line);
      try {
        NameValueCollection settings = AppSettings(exeConfig);
        foreach (string key in keys) {
          string value = settings[key];
          output.WriteLine(value == null ? "null " + key : "value " + key + " " + Escape(value));
        }
      } catch (Exception e) {
        output.WriteLine("error " + e.GetType().Name + ": " + OneLine(e.Message));
      }
      try {
        CheckInline(folder, Path.Combine(folder, "CustomSettings.config"));
        output.WriteLine("inline ok");
      } catch (Exception e) {
        output.WriteLine("inline error " + e.GetType().Name + ": " + OneLine(e.Message));
      }
      output.WriteLine("end");
    }
    output.Flush();
    return 0;
  }
}
