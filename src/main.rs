//! The `saferstreets` command: parse the command line, load settings, run.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use saferstreets::config::Config;
use saferstreets::startup::Application;

#[derive(Parser)]
#[command(
    name = "saferstreets",
    version,
    about = "Report stalking, harassment and unsafe places"
)]
struct Cli {
    /// TOML configuration file (default: ./saferstreets.toml if present).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Database URL: sqlite://PATH or postgres://… (overrides the file).
    #[arg(long, global = true, env = "DATABASE_URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web service.
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:3000 (port 0 picks a free one).
        #[arg(long)]
        listen: Option<std::net::SocketAddr>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("saferstreets: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(url) = cli.database_url {
        config.database_url = url;
    }
    saferstreets::telemetry::init(config.log_json);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("saferstreets: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Serve { listen } => {
                if let Some(listen) = listen {
                    config.listen = listen;
                }
                serve(config).await
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line: the reason and its causes, never a backtrace.
            eprintln!("saferstreets: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let app = Application::build(config).await?;
    let addr = app.local_addr()?;
    // Scripts (browser tests, crash tests) read this line to find the port.
    println!("saferstreets listening on http://{addr}");
    tracing::info!(%addr, "listening");
    app.run_until_stopped().await?;
    Ok(())
}
