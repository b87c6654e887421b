//! An empty Tauri window: one blank page, nothing else. `cove-bench` starts it the same way as
//! Cove to measure the floor of start-up time and memory on this machine (docs/benchmarks.md).

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the empty window could not start");
}
