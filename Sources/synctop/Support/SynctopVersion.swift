/// synctop's own version: the one place it is written. `synctop --version` prints it and
/// `synctop info` shows it; a release changes it here.
enum SynctopVersion {
    static let current = "0.1.0"
}
