import { useState } from 'react';
import { PasswordFields } from './PasswordFields';
import { checkNewPassword } from './passwordCheck';

/**
 * A new password typed twice, checked as it is typed, with its problem shown once the form was
 * submitted (`markSubmitted`): the state and the fields of the dialogs that set a password.
 */
export function useNewPassword(label: string) {
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const problem = checkNewPassword(password, repeated);
  const fields = (
    <PasswordFields
      label={label}
      password={password}
      repeated={repeated}
      problem={problem}
      showProblem={submitted}
      onPassword={setPassword}
      onRepeated={setRepeated}
    />
  );
  return { password, problem, submitted, markSubmitted: () => setSubmitted(true), fields };
}
