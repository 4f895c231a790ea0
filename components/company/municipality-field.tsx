'use client';

import { useState } from 'react';
import { Controller, type FieldValues, type Path, type PathValue, type UseFormReturn } from 'react-hook-form';
import { MunicipalityPicker } from './municipality-picker';

type PlaceFields = { prefectureCode: string; municipalityCode: string; cityJa: string; cityEn: string };

/**
 * The company's municipality, picked from the official list, wired into a form whose place
 * fields sit under `prefix` ('' in the profile, 'company.' in the sign-up). Picking one fills the
 * prefecture and the city names, which stay editable.
 */
export function MunicipalityField<T extends FieldValues>({ form, prefix = '', initialName }: {
  form: UseFormReturn<T, unknown, FieldValues>;
  prefix?: string;
  /** The stored municipality's names, for "Chosen: …"; undefined while none is picked. */
  initialName?: string;
}) {
  const [chosenName, setChosenName] = useState(initialName);
  const path = (field: keyof PlaceFields) => `${prefix}${field}` as Path<T>;
  const set = (field: keyof PlaceFields, value: string) => form.setValue(path(field), value as PathValue<T, Path<T>>);
  return (
    <Controller
      control={form.control}
      name={path('municipalityCode')}
      render={({ field, fieldState }) => (
        <MunicipalityPicker
          value={field.value ?? undefined}
          chosenName={chosenName}
          error={fieldState.error}
          onChange={(option) => {
            setChosenName(`${option.prefectureJa}${option.nameJa} · ${option.nameEn}`);
            field.onChange(option.code);
            set('prefectureCode', option.prefectureCode);
            set('cityJa', option.nameJa);
            set('cityEn', option.nameEn);
          }}
        />
      )}
    />
  );
}
