import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const LANGUAGES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
] as const;

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const;

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: ['zh-CN', 'en'],
    // Any Chinese browser gets Simplified Chinese; anything unknown too: staff read Chinese first.
    fallbackLng: { zh: ['zh-CN'], default: ['zh-CN'] },
    nonExplicitSupportedLngs: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: 'verdict.lang',
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => (lng.startsWith('zh') ? 'zh-CN' : lng.startsWith('en') ? 'en' : lng),
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export default i18n;
