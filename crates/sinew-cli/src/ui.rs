//! How this run's output should look: how wide the tables may be, whether to colour, and
//! whether to print progress and summaries on stderr.
//!
//! Width: `COLUMNS` when it is set to a number (the user's explicit choice, and how tests and
//! scripts ask for a width), else the width of the terminal on stdout, else 80 (a pipe or a
//! file); never under [`MIN_WIDTH`], below which no table is readable.
//!
//! Colour, per <https://no-color.org> and the `CLICOLOR_FORCE` convention: `--color always` or
//! `never` decides alone; under `auto` (the default) a non-empty `NO_COLOR` turns colour off,
//! else a `CLICOLOR_FORCE` other than empty or `0` turns it on, else stdout must be a terminal
//! whose `TERM` is not `dumb`.

use std::io::IsTerminal;

use crate::args::ColorChoice;

/// Narrowest table the CLI lays out, whatever `COLUMNS` says.
pub(crate) const MIN_WIDTH: usize = 40;
/// Width when stdout is not a terminal and `COLUMNS` is unset.
pub(crate) const DEFAULT_WIDTH: usize = 80;

/// The output settings of one run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ui {
    /// No progress bars or summaries on stderr (errors and warnings still go there).
    pub(crate) quiet: bool,
    /// ANSI colour on stdout.
    pub(crate) paint: Paint,
    /// Columns a table may use.
    pub(crate) width: usize,
}

impl Ui {
    /// The settings for this process: its flags, environment and stdout.
    pub(crate) fn detect(quiet: bool, color: ColorChoice) -> Ui {
        let env = |name: &str| std::env::var(name).ok();
        let stdout = std::io::stdout();
        let tty = stdout.is_terminal();
        let terminal_width = if tty {
            console::Term::stdout()
                .size_checked()
                .map(|(_, cols)| usize::from(cols))
        } else {
            None
        };
        Ui {
            quiet,
            paint: Paint {
                on: colour_on(color, &env, tty),
            },
            width: width(&env, terminal_width),
        }
    }
}

/// The table width from `COLUMNS`, the terminal's width, or the default.
fn width(env: &dyn Fn(&str) -> Option<String>, terminal: Option<usize>) -> usize {
    let columns = env("COLUMNS").and_then(|c| c.trim().parse::<usize>().ok());
    columns
        .filter(|&c| c > 0)
        .or(terminal.filter(|&c| c > 0))
        .unwrap_or(DEFAULT_WIDTH)
        .max(MIN_WIDTH)
}

fn colour_on(choice: ColorChoice, env: &dyn Fn(&str) -> Option<String>, tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
            if set("NO_COLOR") {
                false
            } else if set("CLICOLOR_FORCE") && env("CLICOLOR_FORCE").as_deref() != Some("0") {
                true
            } else {
                tty && env("TERM").as_deref() != Some("dumb")
            }
        }
    }
}

/// ANSI styles, or plain text when colour is off. Styles wrap text already padded to its
/// column, so escape codes never count towards a width.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Paint {
    on: bool,
}

impl Paint {
    fn sgr(&self, code: &str, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Headers.
    pub(crate) fn bold(&self, text: &str) -> String {
        self.sgr("1", text)
    }

    /// Conflicts, figures below a threshold.
    pub(crate) fn red(&self, text: &str) -> String {
        self.sgr("31", text)
    }

    /// Agreement.
    pub(crate) fn green(&self, text: &str) -> String {
        self.sgr("32", text)
    }

    /// Updates.
    pub(crate) fn yellow(&self, text: &str) -> String {
        self.sgr("33", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn width_prefers_columns_then_the_terminal_then_80() {
        assert_eq!(width(&env(&[("COLUMNS", "132")]), Some(100)), 132);
        assert_eq!(width(&env(&[]), Some(100)), 100);
        assert_eq!(width(&env(&[]), None), 80);
        assert_eq!(width(&env(&[("COLUMNS", "wide")]), None), 80);
        assert_eq!(width(&env(&[("COLUMNS", "10")]), None), MIN_WIDTH);
    }

    #[test]
    fn no_color_wins_under_auto_and_flags_win_over_everything() {
        let auto = ColorChoice::Auto;
        assert!(colour_on(auto, &env(&[("TERM", "xterm")]), true));
        assert!(!colour_on(auto, &env(&[("NO_COLOR", "1")]), true));
        assert!(colour_on(auto, &env(&[("NO_COLOR", "")]), true));
        assert!(!colour_on(auto, &env(&[("TERM", "dumb")]), true));
        assert!(!colour_on(auto, &env(&[]), false));
        assert!(colour_on(auto, &env(&[("CLICOLOR_FORCE", "1")]), false));
        assert!(!colour_on(auto, &env(&[("CLICOLOR_FORCE", "0")]), false));
        let both = [("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")];
        assert!(!colour_on(auto, &env(&both), true));
        assert!(colour_on(
            ColorChoice::Always,
            &env(&[("NO_COLOR", "1")]),
            false
        ));
        assert!(!colour_on(ColorChoice::Never, &env(&[]), true));
    }
}
