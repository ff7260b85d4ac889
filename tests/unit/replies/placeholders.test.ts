import { describe, expect, it } from 'vitest';
import { fillPlaceholders, firstNameOf, unknownPlaceholders } from '../../../utils/replies/placeholders';

describe('fillPlaceholders', () => {
  const values = { customerName: 'Marie-Claire  Dupont', agentName: 'Léa', pageName: 'Acme' };

  it('fills every known placeholder', () => {
    const r = fillPlaceholders('Bonjour {first_name} ({customer_name}), ici {agent_name} de {page_name}.', values);
    expect(r.text).toBe('Bonjour Marie-Claire (Marie-Claire Dupont), ici Léa de Acme.');
    expect(r.unfilled).toEqual([]);
    expect(r.cursor).toBeNull();
  });

  it('leaves a placeholder with no value visible and reports it', () => {
    const r = fillPlaceholders('Hi {first_name}, {agent_name}', { customerName: null, agentName: '  ' });
    expect(r.text).toBe('Hi {first_name}, {agent_name}');
    expect(r.unfilled).toEqual(['{first_name}', '{agent_name}']);
  });

  it('removes the {cursor} mark and returns its offset, tidying spaces', () => {
    const r = fillPlaceholders('Hi {first_name}, {cursor} thanks!\n{agent_name}', values);
    expect(r.text).toBe('Hi Marie-Claire, thanks!\nLéa');
    expect(r.cursor).toBe('Hi Marie-Claire, '.length);
    const end = fillPlaceholders('Merci ! {cursor}\nLéa', {});
    expect(end.text).toBe('Merci !\nLéa');
    expect(end.cursor).toBe('Merci !'.length);
  });

  it('leaves unknown braces alone', () => {
    expect(fillPlaceholders('{prenom} {{name}}', values).text).toBe('{prenom} {{name}}');
    expect(unknownPlaceholders('Hi {prenom} {first_name} {{name}}')).toEqual(['{prenom}', '{{name}}']);
  });
});

describe('firstNameOf', () => {
  it('takes the first word that has letters', () => {
    expect(firstNameOf(' Jean Dupont ')).toBe('Jean');
    expect(firstNameOf('🙂')).toBeNull();
    expect(firstNameOf(null)).toBeNull();
  });
});
