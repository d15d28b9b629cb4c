import { useState } from 'preact/hooks';

interface Props {
  error?: string;
  onToken: (token: string) => void;
}

/** Paste the token the CIS issued (or arrive by the link `npm run token` prints). */
export function SignIn({ error, onToken }: Props) {
  const [token, setToken] = useState('');
  return (
    <main class="page">
      <h1>Sign in to the dock</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim()) onToken(token.trim());
        }}
      >
        <label for="token">Your access token</label>
        <textarea id="token" rows={4} autoComplete="off" spellcheck={false} value={token} onInput={(event) => setToken(event.currentTarget.value)} required />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
