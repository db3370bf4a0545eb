using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using CallbackLab.Core.Emulator;
using CallbackLab.Core.Emulator.Room;
using CallbackLab.Core.Stubs;

namespace CallbackLab.EmulatorHost
{
    /// <summary>
    /// Runs the lab emulator in its own process so curl, load tools and other clients can use it:
    /// <c>dotnet run --project src/CallbackLab.EmulatorHost -- --port 5080 [--data file.json]</c>. Stops on Ctrl+C.
    /// </summary>
    internal static class Program
    {
        private const string Usage =
            "Usage: CallbackLab.EmulatorHost [--port <n>] [--data <file.json>] [--seed <file.json>] [--bind <ip>]\n" +
            "                            [--stub <file.json>]... (stub JSON or WireMock mappings; repeatable)\n" +
            "                            [--attendees <n|roster.csv>] (a room: per attendee the lab's entities and Main_Flow_<id>)\n" +
            "                            [--not-found-empty] [--record-limit <n|0>] [--rate-limit <n|0>]\n" +
            "                            [--header-timeout <s>] [--idle-timeout <s>] [--max-connections <n>] [--fold-bytes <n>]\n" +
            "  --port 0 (the default) picks a free port; --record-limit 0 and --rate-limit 0 remove the cap;\n" +
            "  --header-timeout (10 s) and --idle-timeout (30 s) close slow or idle connections; --max-connections (256);\n" +
            "  --fold-bytes (1 MiB): fold the data log into the data file once it is this large (and as large as the file).";

        private static int Main(string[] args)
        {
            LabEmulatorOptions? options;
            var stubPaths = new List<string>();
            string? attendees = null;
            try
            {
                options = Parse(args, stubPaths, value => attendees = value);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }

            if (options == null)
            {
                Console.WriteLine(Usage);
                return 0;
            }

            // Stub files and the roster are read before the port is taken, so a bad file starts nothing.
            List<Stub>? stubs = ReadStubsOrExplain(stubPaths);
            if (stubs == null || (attendees != null && !ReadRosterOrExplain(attendees, options)))
            {
                return 2;
            }

            using var stopped = new ManualResetEventSlim();
            // Ctrl+C (SIGINT) and SIGTERM stop the emulator cleanly instead of killing the process mid-write.
            using PosixSignalRegistration onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stopped.Set();
            }

            LabEmulator? started = StartOrExplain(options);
            if (started == null)
            {
                return 2;
            }

            using LabEmulator emulator = started;
            emulator.Stubs.Add(stubs);
            foreach (string warning in emulator.StartWarnings)
            {
                Console.Error.WriteLine("Warning: " + warning);
            }

            if (emulator.IsReachableFromNetwork)
            {
                Console.Error.WriteLine("Warning: the emulator listens on " + emulator.ListenUri + " and is reachable from the network; " +
                                        "anyone who can reach it can read its token and client secret below. Use --bind 127.0.0.1 (the default) to keep it local.");
            }

            // The first line is machine-readable: tests and scripts read the address from it (the real one, 0.0.0.0 included).
            Console.WriteLine("Listening: " + emulator.ListenUri);
            Console.WriteLine("MockAPI:   " + emulator.MockApiUri + "/DynVars");
            Console.WriteLine("WxCC:      " + new Uri(emulator.WxccUri, "v1/tasks"));
            Console.WriteLine("Token URL: " + emulator.TokenUri);
            Console.WriteLine("Flows:     " + emulator.FlowStoreUri + "flows");
            Console.WriteLine("Org:       " + emulator.OrgId);
            Console.WriteLine("Room:      " + (options.Attendees == null ? "the lab (attendee Lab)" : options.Attendees.Count + " attendees"));
            Console.WriteLine("Token:     " + emulator.AccessToken);
            Console.WriteLine("Client:    " + emulator.ClientId + " / " + emulator.ClientSecret);
            Console.WriteLine("Refresh:   " + emulator.RefreshToken);
            Console.WriteLine("Data:      " + (emulator.DataPath ?? "(in memory)"));
            Console.WriteLine("Press Ctrl+C to stop.");
            Console.Out.Flush();
            stopped.Wait();
            emulator.Stop();
            return 0;
        }

        /// <summary>Starts the emulator, or prints one line saying why it cannot (port in use, address, seed, data file) and returns null.</summary>
        private static LabEmulator? StartOrExplain(LabEmulatorOptions options)
        {
            try
            {
                return LabEmulator.Start(options);
            }
            catch (SocketException ex)
            {
                Console.Error.WriteLine($"The emulator cannot listen on {options.BindAddress}:{options.Port}: {ex.Message}.");
            }
            catch (Exception ex) when (options.SeedPath != null && (ex is FileNotFoundException || ex is DirectoryNotFoundException))
            {
                Console.Error.WriteLine($"The seed file '{options.SeedPath}' does not exist.");
            }
            catch (Exception ex) when (options.SeedPath != null && (ex is Newtonsoft.Json.JsonException || ex is FormatException))
            {
                Console.Error.WriteLine($"The seed file '{options.SeedPath}' is not a valid seed: {OneLine(ex.Message)}");
            }
            catch (InvalidDataException ex)
            {
                Console.Error.WriteLine(OneLine(ex.Message)); // names the data file and the JSON path
            }
            catch (FormatException ex) when (options.Attendees != null)
            {
                Console.Error.WriteLine("--attendees: " + OneLine(ex.Message)); // an attendee's number clashes with a seed record's
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"The emulator cannot use its files ({options.DataPath ?? options.SeedPath}): {OneLine(ex.Message)}");
            }

            return null;
        }

        /// <summary>Sets the room from a count or a roster CSV, or prints one line saying why it cannot and returns false.</summary>
        private static bool ReadRosterOrExplain(string countOrPath, LabEmulatorOptions options)
        {
            try
            {
                options.Attendees = Roster.FromArgument(countOrPath);
                return true;
            }
            catch (Exception ex) when (ex is FormatException || ex is IOException || ex is UnauthorizedAccessException)
            {
                Console.Error.WriteLine("--attendees: " + OneLine(ex.Message));
                return false;
            }
        }

        /// <summary>Reads every stub file, or prints one line naming the file that is missing or not stub JSON and returns null.</summary>
        private static List<Stub>? ReadStubsOrExplain(List<string> paths)
        {
            var stubs = new List<Stub>();
            foreach (string path in paths)
            {
                try
                {
                    stubs.AddRange(StubReader.ReadFile(path));
                }
                catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
                {
                    Console.Error.WriteLine($"The stub file '{path}' does not exist.");
                    return null;
                }
                catch (Exception ex) when (ex is StubFormatException || ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
                {
                    Console.Error.WriteLine($"The stub file '{path}' is not valid stub JSON or WireMock mappings: {OneLine(ex.Message)}");
                    return null;
                }
            }

            return stubs;
        }

        private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");

        private static LabEmulatorOptions? Parse(string[] args, List<string> stubPaths, Action<string> attendees)
        {
            var options = new LabEmulatorOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                switch (name)
                {
                    case "-h":
                    case "--help":
                        return null;
                    case "--port":
                        options.Port = Number(args, ref i, 0, 65535);
                        break;
                    case "--data":
                        options.DataPath = Value(args, ref i);
                        break;
                    case "--seed":
                        options.SeedPath = Value(args, ref i);
                        break;
                    case "--stub":
                        stubPaths.Add(Value(args, ref i));
                        break;
                    case "--attendees":
                        attendees(Value(args, ref i));
                        break;
                    case "--bind":
                        options.BindAddress = IPAddress.TryParse(Value(args, ref i), out IPAddress? address)
                            ? address
                            : throw new ArgumentException("--bind needs an IP address, e.g. 127.0.0.1.");
                        break;
                    case "--not-found-empty":
                        options.NotFoundAsEmptyArray = true;
                        break;
                    case "--record-limit":
                        int limit = Number(args, ref i, 0, int.MaxValue);
                        options.RecordLimit = limit == 0 ? (int?)null : limit;
                        break;
                    case "--rate-limit":
                        options.RateLimitPerMinute = Number(args, ref i, 0, int.MaxValue);
                        break;
                    case "--header-timeout":
                        options.HeaderTimeout = Seconds(args, ref i);
                        break;
                    case "--idle-timeout":
                        options.IdleTimeout = Seconds(args, ref i);
                        break;
                    case "--fold-bytes":
                        options.DataLogFoldBytes = Number(args, ref i, 1, int.MaxValue);
                        break;
                    case "--max-connections":
                        options.MaxConnections = Number(args, ref i, 1, 100000);
                        break;
                    default:
                        throw new ArgumentException("Unknown option " + name + ".");
                }
            }

            return options;
        }

        private static string Value(string[] args, ref int i)
        {
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException(args[i] + " needs a value.");
            }

            return args[++i];
        }

        private static TimeSpan Seconds(string[] args, ref int i)
        {
            string name = args[i];
            string text = Value(args, ref i);
            if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) || seconds < 0.1 || seconds > 3600)
            {
                throw new ArgumentException($"{name} needs a number of seconds from 0.1 to 3600.");
            }

            return TimeSpan.FromSeconds(seconds);
        }

        private static int Number(string[] args, ref int i, int min, int max)
        {
            string name = args[i];
            string text = Value(args, ref i);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            {
                throw new ArgumentException($"{name} needs a whole number from {min} to {max}.");
            }

            return value;
        }
    }
}
