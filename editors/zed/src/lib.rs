// Zed attaches only language servers an extension declares; this one declares
// claimlint for Markdown and plain text and starts `claimlint lsp --stdio`,
// found on the worktree's PATH (node_modules/.bin included when the shell adds it).
use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct Claimlint;

impl zed::Extension for Claimlint {
    fn new() -> Self {
        Claimlint
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let command = worktree
            .which("claimlint")
            .ok_or_else(|| "claimlint is not on the PATH: npm install claimlint, or add it to the PATH".to_string())?;
        Ok(zed::Command { command, args: vec!["lsp".into(), "--stdio".into()], env: worktree.shell_env() })
    }

    // `lsp.claimlint.initialization_options` in Zed's settings (asOf, config, registry, baseline).
    fn language_server_initialization_options(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.initialization_options))
    }
}

zed::register_extension!(Claimlint);
