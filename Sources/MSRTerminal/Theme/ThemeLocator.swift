import Foundation

/// Finds the themes directory, so `--theme NAME` works from an installed binary, from the
/// build directory of a checkout, and with an override for tests and packagers.
///
/// In order:
/// 1. `$MSR_THEMES_DIR`, when set and not empty;
/// 2. `<directory of the executable>/../share/msr/themes` (an install under a prefix);
/// 3. the nearest `themes/` holding `default.toml` in a directory above the executable
///    (`.build/release/msr` in a checkout finds the checkout's `themes/`);
/// 4. none: only the built-in themes (`BuiltInThemes`) are available.
public enum ThemeLocator {
    /// The environment variable that names the themes directory outright.
    public static let environmentVariable = "MSR_THEMES_DIR"

    /// The themes directory, or nil when there is none.
    public static func themesDirectory(
        environment: [String: String],
        executablePath: String?,
        fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> String? {
        if let configured = environment[environmentVariable], !configured.isEmpty { return configured }
        guard let executablePath else { return nil }
        let executableDirectory = URL(fileURLWithPath: executablePath).deletingLastPathComponent().standardized
        let installed = executableDirectory.deletingLastPathComponent()
            .appendingPathComponent("share/msr/themes").standardized.path
        if fileExists(installed + "/default.toml") { return installed }
        var directory = executableDirectory
        while true {
            let candidate = directory.appendingPathComponent("themes").path
            if fileExists(candidate + "/default.toml") { return candidate }
            let parent = directory.deletingLastPathComponent().standardized
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    /// The running executable's path, symbolic links resolved (`/proc/self/exe` on Linux).
    public static func currentExecutablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        if let path = Bundle.main.executablePath { return path }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).standardized.path }
    }
}
