import { useEffect, useState } from 'react';
import { setUnauthorizedHandler } from '../api/api-client';
import { readToken, takeTokenFromLocation, writeToken } from '../api/token';
import { FlowListPage } from '../flows/flow-list-page';
import { FlowEditorPage } from './flow-editor-page';
import { LoginScreen } from './login-screen';
import { useRoute } from './router';
import { ToastHost } from './toasts';

/** The app shell: signs the user in, then shows the flow list or one flow's editor. */
export function App() {
  const [token, setToken] = useState(() => takeTokenFromLocation() ?? readToken());
  const [rejected, setRejected] = useState(false);
  const route = useRoute();

  // A login link opened in a tab that already shows the app changes only the fragment: take the token then too.
  useEffect(() => {
    const onHash = () => {
      const fresh = takeTokenFromLocation();
      if (fresh) { setRejected(false); setToken(fresh); }
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      writeToken(undefined);
      setRejected(true);
      setToken(undefined);
    });
  }, []);

  if (!token) {
    return <LoginScreen failed={rejected} onLoggedIn={() => { setRejected(false); setToken(readToken()); }} />;
  }
  return (
    <>
      {route.page === 'flows' ? <FlowListPage /> : <FlowEditorPage key={route.id} flowId={route.id} tab={route.tab} />}
      <ToastHost />
    </>
  );
}
