"use client";

// Replaces the root layout when it fails itself, so it carries its own <html> and styles.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", display: "grid", placeItems: "center", minHeight: "100vh", margin: 0 }}>
        <div role="alert" style={{ textAlign: "center", padding: 24 }}>
          <h1 style={{ fontSize: 24 }}>Substation is having trouble</h1>
          <p style={{ color: "#475569" }}>Please try again in a moment.</p>
          <button onClick={reset} style={{ marginTop: 16, padding: "8px 16px", borderRadius: 6, border: 0, background: "#111a2e", color: "white" }}>
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
