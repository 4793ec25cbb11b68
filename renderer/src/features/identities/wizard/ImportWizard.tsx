import { Modal, Stepper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChooseStep } from './ChooseStep';
import { DoneStep } from './DoneStep';
import { FilesStep } from './FilesStep';
import { PasswordStep } from './PasswordStep';
import { ReviewStep } from './ReviewStep';
import { STEPS, useImportWizard } from './useImportWizard';

interface Props {
  onClose(): void;
  onOpenIdentity(id: string): void;
}

/** Mounted while open: closing it forgets what was read, opening it again starts over. */
export function ImportWizard(props: Props) {
  const [round, setRound] = useState(0);
  return <WizardRound key={round} {...props} onAnother={() => setRound((n) => n + 1)} />;
}

function WizardRound({ onClose, onOpenIdentity, onAnother }: Props & { onAnother(): void }) {
  const { t } = useTranslation();
  const wizard = useImportWizard();
  const { step } = wizard;
  const [askedPassword, setAskedPassword] = useState(false);
  const [choseAmongSeveral, setChoseAmongSeveral] = useState(false);
  useEffect(() => {
    if (step === 'password') setAskedPassword(true);
    if (step === 'choose') setChoseAmongSeveral(true);
  }, [step]);

  const close = () => {
    wizard.dispose();
    onClose();
  };
  // once saved, every step shows as completed
  const active = step === 'done' ? STEPS.length : STEPS.indexOf(step);
  const skipped = (index: number) => index < active && ((index === 1 && !askedPassword) || (index === 2 && !choseAmongSeveral));
  const description = (index: number, key: string) => (skipped(index) ? t('identities.wizard.steps.skipped') : t(key));

  return (
    <Modal
      opened
      onClose={close}
      size={880}
      title={<Text fw={600}>{t('identities.wizard.title')}</Text>}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="import-wizard"
      data-step={step}
    >
      <Stepper active={active} size="sm" mb="lg" allowNextStepsSelect={false} iconSize={30}>
        <Stepper.Step label={t('identities.wizard.steps.files')} description={description(0, 'identities.wizard.steps.filesDescription')} />
        <Stepper.Step label={t('identities.wizard.steps.password')} description={description(1, 'identities.wizard.steps.passwordDescription')} />
        <Stepper.Step label={t('identities.wizard.steps.choose')} description={description(2, 'identities.wizard.steps.chooseDescription')} />
        <Stepper.Step label={t('identities.wizard.steps.name')} description={description(3, 'identities.wizard.steps.nameDescription')} />
        <Stepper.Step label={t('identities.wizard.steps.done')} />
      </Stepper>
      {step === 'files' && <FilesStep wizard={wizard} onCancel={close} />}
      {step === 'password' && <PasswordStep wizard={wizard} />}
      {step === 'choose' && <ChooseStep wizard={wizard} />}
      {step === 'review' && (
        <ReviewStep
          wizard={wizard}
          onOpenIdentity={(id) => {
            wizard.dispose();
            onOpenIdentity(id);
          }}
        />
      )}
      {step === 'done' && wizard.saved && <DoneStep saved={wizard.saved} onOpen={() => onOpenIdentity(wizard.saved!.id)} onAnother={onAnother} onClose={close} />}
    </Modal>
  );
}
